using Kindling.Training;
using Kindling.Training.Convergence;
using Kindling.Training.Metrics;
using Kindling.Training.Runs;
using Kindling.Training.Tasks;

namespace Kindling.Cli.Commands;

/// <summary>What <c>kindling train</c> reports at the end, as a table or as one JSON object.</summary>
sealed record TrainSummary(TrainSettings Settings, MlpSpec Spec, SavedModel Saved, TrainResult Result, ClassificationReport? Test,
    ConvergenceResult Convergence, string Out, IReadOnlyList<string> Notes, string? ScaleHint,
    int TrainRows, int ValRows, int TestRows, double TotalSeconds)
{
    /// <summary>How the task was chosen (null: classification, reason unknown).</summary>
    public TaskChoice? Task { get; init; }

    /// <summary>A regression's test metrics (null for a classification).</summary>
    public RegressionReport? Regression { get; init; }

    public string Architecture =>
        $"{string.Join("-", new[] { Spec.Inputs }.Concat(Spec.Hidden).Append(Spec.Classes))} {Spec.Activation}" +
        (Spec.Dropout > 0 ? $", dropout {Spec.Dropout}" : "");
}
