namespace Kindling.Training.Plots;

/// <summary>
/// The sans-serif family the figures use. ScottPlot's defaults name fonts that are often missing on
/// Linux, where Skia then falls back to the first family it finds (a serif on Debian); so pick the
/// first installed family of a short list of common sans-serif fonts, else keep ScottPlot's default.
/// </summary>
internal static class SansFont
{
    private static readonly string[] Preferred =
        ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Arial", "Helvetica", "Segoe UI"];

    private static readonly Lazy<string> Chosen = new(Choose);

    public static string Name => Chosen.Value;

    private static string Choose()
    {
        var installed = new HashSet<string>(SkiaSharp.SKFontManager.Default.FontFamilies, StringComparer.OrdinalIgnoreCase);
        return Preferred.FirstOrDefault(installed.Contains) ?? ScottPlot.Fonts.Default;
    }
}
