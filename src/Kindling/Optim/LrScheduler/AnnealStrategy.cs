namespace Kindling.Optim.LrScheduler;

/// <summary>How <see cref="OneCycleLR"/> moves between two values within a phase (<c>anneal_strategy</c>).</summary>
public enum AnnealStrategy
{
    /// <summary>Half a cosine: <c>end + (start − end)/2 · (1 + cos(π·pct))</c> (PyTorch's "cos").</summary>
    Cos,

    /// <summary>A straight line: <c>(end − start)·pct + start</c> (PyTorch's "linear").</summary>
    Linear,
}
