using Kindling.Training.Convergence;

namespace Kindling.Reports.Runs;

/// <summary>Everything a report shows about one run, read from its folder (<see cref="RunRecordReader"/>). Sections a
/// task does not have are empty or null, so a regression run's fields slot in beside a classifier's.</summary>
public sealed record RunRecord
{
    /// <summary>The run folder (absolute).</summary>
    public required string Folder { get; init; }
    /// <summary>The folder's name: how the comparison labels the run.</summary>
    public string Name => Path.GetFileName(Folder.TrimEnd(Path.DirectorySeparatorChar)) is { Length: > 0 } n ? n : Folder;
    /// <summary>"classification" or "regression" (model.json's <c>task</c>; classification when absent).</summary>
    public required string Task { get; init; }
    public required RunQuestion Question { get; init; }
    /// <summary>Test metrics in the order a reader wants them; the first is the headline.</summary>
    public required IReadOnlyList<MetricValue> Metrics { get; init; }
    public required RunHistory History { get; init; }
    /// <summary>The convergence rule recomputed from history.csv (it is deterministic); null without epochs.</summary>
    public ConvergenceResult? Convergence { get; init; }
    /// <summary>Confusion matrix and per-class table; null for a regression run.</summary>
    public ClassTable? Classes { get; init; }
    public required IReadOnlyList<SchemaColumn> Schema { get; init; }
    public required IReadOnlyList<KeyValuePair<string, string>> Preprocessing { get; init; }
    public required IReadOnlyList<string> Layers { get; init; }
    public required long ParameterCount { get; init; }
    /// <summary>Every resolved option of the run, as model.json's <c>training</c> section holds it.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Options { get; init; }
    public required string KindlingVersion { get; init; }
    public required string CreatedUtc { get; init; }
    /// <summary>Files in the folder (names only, sorted), the report itself excluded.</summary>
    public required IReadOnlyList<string> Files { get; init; }
    /// <summary>SVG figures the folder holds besides the curves (ROC, PR, predicted-vs-actual, residuals).</summary>
    public required IReadOnlyList<Figure> Figures { get; init; }
}

/// <summary>What the run asked: which file, which column, how many rows.</summary>
public sealed record RunQuestion(string DataPath, string? Sha256, string Target, int Rows, int TrainRows, int ValRows, int TestRows,
    IReadOnlyList<string> ClassNames, string? TargetRange);

/// <summary>One test metric, with what a constant baseline scores (null when unknown).</summary>
public sealed record MetricValue(string Key, string Label, double Value, double? Baseline, bool HigherIsBetter);

/// <summary>history.csv as columns; missing values are null.</summary>
public sealed record RunHistory(IReadOnlyList<double?> TrainLoss, IReadOnlyList<double?> ValLoss, IReadOnlyList<double?> ValAccuracy,
    IReadOnlyList<double> Seconds)
{
    public int Count => TrainLoss.Count;
    public bool HasValidation => ValLoss.Any(v => v is not null);
}

/// <summary>The confusion matrix (rows: true class) and the per-class scores.</summary>
public sealed record ClassTable(IReadOnlyList<string> Names, int[][] Confusion, IReadOnlyList<ClassScores> PerClass);

/// <summary>One row of the per-class table.</summary>
public sealed record ClassScores(string Name, double Precision, double Recall, double F1, int Support, int Predicted, double? RocAuc);

/// <summary>One column of the data as read: type, missing and distinct counts, range.</summary>
public sealed record SchemaColumn(string Name, string Kind, int Missing, int Distinct, double? Min, double? Max, string Role);

/// <summary>An SVG file of the folder, shown as an image (an image cannot run script, whatever its text holds).</summary>
public sealed record Figure(string File, string Caption, byte[] Svg);
