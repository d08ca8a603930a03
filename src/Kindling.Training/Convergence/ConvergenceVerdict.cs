namespace Kindling.Training.Convergence;

/// <summary>Which branch of the <see cref="ConvergenceDetector"/> rule decided.</summary>
public enum ConvergenceVerdict
{
    /// <summary>The loss levelled off: later epochs add less than the improvement fraction.</summary>
    Converged,

    /// <summary>The loss is still falling at the end: train longer.</summary>
    StillImproving,

    /// <summary>The loss reached a minimum and then rose (overfitting on validation, or divergence).</summary>
    Diverged,

    /// <summary>The loss never improved meaningfully.</summary>
    Flat,

    /// <summary>Too few finite epochs to judge.</summary>
    TooShort,
}
