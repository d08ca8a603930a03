namespace Kindling.Training.Plots;

/// <summary>Size and title of a saved figure.</summary>
public sealed record PlotOptions
{
    /// <summary>Width in pixels (PNG) or user units (SVG); default 900.</summary>
    public int Width { get; init; } = 900;

    /// <summary>Height in pixels (PNG) or user units (SVG); default 560.</summary>
    public int Height { get; init; } = 560;

    /// <summary>Figure title; null uses the plot's default title.</summary>
    public string? Title { get; init; }
}
