namespace Kindling.Training.Convergence;

/// <summary>Thresholds of the <see cref="ConvergenceDetector"/> rule; the defaults are the documented rule.</summary>
public sealed record ConvergenceOptions
{
    /// <summary>Width of the centred moving median that removes noise and single-epoch spikes (default 5; an even width is rounded up to odd).</summary>
    public int SmoothingWindow { get; init; } = 5;

    /// <summary>
    /// "Meaningful" improvement, as a fraction of the total improvement (first smoothed loss − lowest
    /// smoothed loss). The suggested epoch is the first after which less than this fraction is still to
    /// come; default 0.05.
    /// </summary>
    public double ImprovementFraction { get; init; } = 0.05;

    /// <summary>
    /// A final smoothed loss this fraction of the total improvement above the minimum counts as a rise
    /// (divergence or overfitting); default 0.10, twice the improvement fraction so that noise around a
    /// plateau is not read as divergence.
    /// </summary>
    public double RiseFraction { get; init; } = 0.10;

    /// <summary>A total improvement below this fraction of the first smoothed loss counts as flat; default 0.01.</summary>
    public double FlatFraction { get; init; } = 0.01;

    /// <summary>Default thresholds.</summary>
    public static ConvergenceOptions Default { get; } = new();
}
