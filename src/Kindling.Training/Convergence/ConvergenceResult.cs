namespace Kindling.Training.Convergence;

/// <summary>What <see cref="ConvergenceDetector"/> concluded about a loss curve.</summary>
public sealed record ConvergenceResult
{
    /// <summary>How many epochs to train: the epoch (1-based) from which the loss stopped improving
    /// meaningfully, the best epoch of a rising curve, or all epochs when still improving.</summary>
    public required int SuggestedEpochs { get; init; }

    /// <summary>False when the loss was still falling at the end (or there were too few epochs).</summary>
    public required bool Converged { get; init; }

    /// <summary>The branch of the rule that decided.</summary>
    public required ConvergenceVerdict Verdict { get; init; }

    /// <summary>One line for people, e.g. "validation loss flattened at epoch 42: ...".</summary>
    public required string Reason { get; init; }

    /// <summary>Epoch (1-based) of the lowest smoothed loss.</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Which curve was analysed: "validation" or "train".</summary>
    public required string Curve { get; init; }
}
