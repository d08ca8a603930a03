using ScottPlot;

namespace Kindling.Training.Plots;

/// <summary>Saves a ScottPlot figure as PNG or SVG, chosen by the file extension, atomically.</summary>
internal static class FigureWriter
{
    public static void Save(Plot plot, string path, PlotOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (options.Width < 100 || options.Height < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(options),
                $"Figure size {options.Width}x{options.Height} is too small; use at least 100x100.");
        }

        string extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".png":
                AtomicFile.WriteAllBytes(path, plot.GetImageBytes(options.Width, options.Height, ImageFormat.Png));
                break;
            case ".svg":
                AtomicFile.WriteAllText(path, plot.GetSvgXml(options.Width, options.Height));
                break;
            default:
                throw new ArgumentException($"Cannot tell the image format of '{path}': use a .png or .svg file name.",
                    nameof(path));
        }
    }
}
