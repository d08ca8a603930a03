// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.precision_recall_fscore_support.html
namespace Kindling.Training.Metrics;

/// <summary>How per-class scores are combined, as scikit-learn's <c>average</c> argument.</summary>
public enum Average
{
    /// <summary>Only the score of the positive class (<c>posLabel</c>); the target must be binary.</summary>
    Binary,

    /// <summary>Pool true positives, predictions and true samples over all classes, then divide.</summary>
    Micro,

    /// <summary>Unweighted mean of the per-class scores.</summary>
    Macro,

    /// <summary>Mean of the per-class scores weighted by each class's support (number of true samples).</summary>
    Weighted,
}
