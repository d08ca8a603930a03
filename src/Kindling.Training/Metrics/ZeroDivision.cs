// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.precision_recall_fscore_support.html
namespace Kindling.Training.Metrics;

/// <summary>
/// What a precision or recall of 0/0 becomes, as scikit-learn's <c>zero_division</c> argument.
/// </summary>
public enum ZeroDivision
{
    /// <summary>scikit-learn's default <c>"warn"</c>: the value is 0 and the result records the ill-defined class.</summary>
    Warn,

    /// <summary>The value is 0.</summary>
    Zero,

    /// <summary>The value is 1.</summary>
    One,
}
