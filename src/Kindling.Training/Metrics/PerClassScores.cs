namespace Kindling.Training.Metrics;

/// <summary>
/// Precision, recall, F-score and support for each label, as returned by scikit-learn's
/// <c>precision_recall_fscore_support(average=None)</c>; index i belongs to <see cref="Labels"/>[i].
/// </summary>
public sealed record PerClassScores
{
    /// <summary>The labels the other arrays describe, in order.</summary>
    public required int[] Labels { get; init; }

    /// <summary>tp / (tp + fp) per label; the zero-division value where nothing was predicted as the label.</summary>
    public required double[] Precision { get; init; }

    /// <summary>tp / (tp + fn) per label; the zero-division value where the label has no true samples.</summary>
    public required double[] Recall { get; init; }

    /// <summary>(1 + β²)·P·R / (β²·P + R) per label; 0 where that denominator is 0.</summary>
    public required double[] FScore { get; init; }

    /// <summary>Number of true samples of each label.</summary>
    public required int[] Support { get; init; }

    /// <summary>Number of samples correctly predicted as each label (tp).</summary>
    public required int[] TruePositives { get; init; }

    /// <summary>Number of samples predicted as each label (tp + fp).</summary>
    public required int[] Predicted { get; init; }

    /// <summary>True where precision was 0/0 (the label was never predicted).</summary>
    public bool PrecisionIllDefined(int i) => Predicted[i] == 0;

    /// <summary>True where recall was 0/0 (the label has no true samples).</summary>
    public bool RecallIllDefined(int i) => Support[i] == 0;
}
