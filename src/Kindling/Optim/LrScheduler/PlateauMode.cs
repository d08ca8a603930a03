namespace Kindling.Optim.LrScheduler;

/// <summary>Whether <see cref="ReduceLROnPlateau"/> waits for the metric to fall or to rise (<c>mode</c>).</summary>
public enum PlateauMode
{
    /// <summary>Lower is better (a loss): PyTorch's "min".</summary>
    Min,

    /// <summary>Higher is better (an accuracy): PyTorch's "max".</summary>
    Max,
}

/// <summary>How <see cref="ReduceLROnPlateau"/> reads its threshold (<c>threshold_mode</c>).</summary>
public enum ThresholdMode
{
    /// <summary>Relative: better means beyond <c>best·(1 ∓ threshold)</c> (PyTorch's "rel").</summary>
    Rel,

    /// <summary>Absolute: better means beyond <c>best ∓ threshold</c> (PyTorch's "abs").</summary>
    Abs,
}
