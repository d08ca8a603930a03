using Kindling.Training;
using Kindling.Training.Convergence;
using Kindling.Training.Metrics;
using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary>What <c>kindling train</c> reports at the end, as a table or as one JSON object.</summary>
sealed record TrainSummary(TrainSettings Settings, MlpSpec Spec, SavedModel Saved, TrainResult Result, ClassificationReport Test,
    ConvergenceResult Convergence, string Out, IReadOnlyList<string> Notes, string? ScaleHint,
    int TrainRows, int ValRows, int TestRows, double TotalSeconds)
{
    public string Architecture =>
        $"{string.Join("-", new[] { Spec.Inputs }.Concat(Spec.Hidden).Append(Spec.Classes))} {Spec.Activation}" +
        (Spec.Dropout > 0 ? $", dropout {Spec.Dropout}" : "");
}
