namespace Kindling.Training.Metrics;

/// <summary>
/// Every classification metric of one evaluation, ready to serialise (metrics.json): plain
/// properties and arrays only, so System.Text.Json source generation (NativeAOT) handles it.
/// Build one with <see cref="Create(int[], int[], int, double[,], IReadOnlyList{string}, ZeroDivision)"/>.
/// </summary>
public sealed partial record ClassificationReport
{
    /// <summary>Number of evaluated samples.</summary>
    public required int NumSamples { get; init; }

    /// <summary>Number of classes C; labels are 0..C−1.</summary>
    public required int NumClasses { get; init; }

    /// <summary>Display name of each class (the label's index as text when none was given).</summary>
    public required string[] ClassNames { get; init; }

    /// <summary>Fraction of correct predictions.</summary>
    public required double Accuracy { get; init; }

    /// <summary>Mean recall over the classes present in the truth.</summary>
    public required double BalancedAccuracy { get; init; }

    /// <summary>Unweighted mean over the classes present in the truth or the predictions (scikit-learn's default).</summary>
    public required AveragedScores MacroAverage { get; init; }

    /// <summary>Mean over the classes weighted by support.</summary>
    public required AveragedScores WeightedAverage { get; init; }

    /// <summary>Pooled over classes (equals accuracy when every label is one of the C classes).</summary>
    public required AveragedScores MicroAverage { get; init; }

    /// <summary>One row per class present in the truth or the predictions, in label order.</summary>
    public required ClassReportRow[] PerClass { get; init; }

    /// <summary>Names of the classes (of the C the model knows) that neither occur in the evaluated rows nor were
    /// predicted: scikit-learn's <c>labels=None</c> leaves them out of the rows and the averages, and so does this report.</summary>
    public string[] AbsentClasses { get; init; } = [];

    /// <summary>Counts [true class][predicted class].</summary>
    public required int[][] ConfusionMatrix { get; init; }

    /// <summary>Class indices of the rows and columns of <see cref="ConfusionMatrix"/> when it keeps only some
    /// classes (<see cref="ManyClasses.Bound"/>); null when it holds all C.</summary>
    public int[]? ConfusionMatrixLabels { get; init; }

    /// <summary>Mean cross-entropy of the probabilities; null when none were given.</summary>
    public double? LogLoss { get; init; }

    /// <summary>One-vs-rest macro ROC AUC (binary AUC for two classes); null when no probabilities were
    /// given or a class is missing from the truth (undefined, see <see cref="Notes"/>).</summary>
    public double? RocAucMacro { get; init; }

    /// <summary>Two classes: average precision of class 1 (scikit-learn's <c>average_precision_score</c>); null for
    /// more classes, without probabilities, or when one class is missing from the truth.</summary>
    public double? AveragePrecision { get; init; }

    /// <summary>Two classes: the decision threshold on the probability of class 1 the labels were made with; null
    /// for more classes.</summary>
    public double? Threshold { get; init; }

    /// <summary>Two classes: the ROC and precision-recall curves of class 1, for the plots (not serialised).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public BinaryCurves? Curves { get; init; }

    /// <summary>Top-k accuracies for k = 2 and 3 where k &lt; C; empty without probabilities.</summary>
    public required TopKAccuracy[] TopK { get; init; }

    /// <summary>What 0/0 precision or recall was set to ("warn" reports 0).</summary>
    public required ZeroDivision ZeroDivision { get; init; }

    /// <summary>Ill-defined values and why, one sentence each.</summary>
    public required string[] Notes { get; init; }
}

/// <summary>Scores of one class in a <see cref="ClassificationReport"/>.</summary>
public sealed record ClassReportRow
{
    /// <summary>Class index.</summary>
    public required int Label { get; init; }

    /// <summary>Class display name.</summary>
    public required string Name { get; init; }

    /// <summary>tp / predicted.</summary>
    public required double Precision { get; init; }

    /// <summary>tp / support.</summary>
    public required double Recall { get; init; }

    /// <summary>Harmonic mean of precision and recall.</summary>
    public required double F1 { get; init; }

    /// <summary>True samples of the class.</summary>
    public required int Support { get; init; }

    /// <summary>Samples predicted as the class.</summary>
    public required int Predicted { get; init; }

    /// <summary>One-vs-rest ROC AUC; null without probabilities or where undefined.</summary>
    public double? RocAuc { get; init; }
}

/// <summary>A top-k accuracy.</summary>
/// <param name="K">How many top-scored classes count as a hit.</param>
/// <param name="Accuracy">Fraction of hits.</param>
public sealed record TopKAccuracy(int K, double Accuracy);
