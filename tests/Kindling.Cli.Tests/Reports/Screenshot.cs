using SkiaSharp;

namespace Kindling.Cli.Tests.Reports;

/// <summary>Checks on a PNG screenshot: decoded with SkiaSharp (already here for the plots).</summary>
static class Screenshot
{
    /// <summary>How many distinct colours a sample of the pixels holds: 1 for a blank page, hundreds for a report
    /// with text, tables and curves.</summary>
    public static int DistinctColours(string png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidDataException($"{png}: not a PNG");
        var colours = new HashSet<uint>();
        for (int y = 0; y < bitmap.Height; y += 3)
            for (int x = 0; x < bitmap.Width; x += 3)
                colours.Add((uint)bitmap.GetPixel(x, y));
        return colours.Count;
    }
}
