using System.Buffers.Binary;
using System.Xml.Linq;
using Kindling.Training.Plots;

namespace Kindling.Training.Tests.Plots;

public sealed class TrainingPlotsTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly double[] Train = Enumerable.Range(0, 40).Select(t => 0.4 + 1.5 * Math.Exp(-t / 6.0)).ToArray();
    private static readonly double[] Validation = Enumerable.Range(0, 40).Select(t => 0.5 + 1.4 * Math.Exp(-t / 6.0)).ToArray();
    private static readonly int[,] Confusion = { { 5, 1, 0 }, { 2, 30, 4 }, { 0, 6, 12 } };
    private static readonly string[] Names = ["low", "medium", "high"];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "kindling-plots-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void SaveLossCurves_Png_WritesPngOfRequestedSize()
    {
        string path = Path.Combine(_dir, "loss.png");
        TrainingPlots.SaveLossCurves(path, Train, Validation, suggestedEpoch: 18,
            new PlotOptions { Width = 640, Height = 400 });
        AssertPng(path, 640, 400);
    }

    [Fact]
    public void SaveLossCurves_Svg_ParsesWithSizeAndLabels()
    {
        string path = Path.Combine(_dir, "loss.svg");
        TrainingPlots.SaveLossCurves(path, Train, Validation, suggestedEpoch: 18);
        string text = AssertSvg(path, 900, 560);
        Assert.Contains("Epoch", text, StringComparison.Ordinal);
        Assert.Contains("suggested: 18 epochs", text, StringComparison.Ordinal);
        Assert.Contains("validation", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SaveAccuracyCurves_PngAndSvg_AreWritten()
    {
        double[] accuracy = Train.Select(l => 1 - l / 2).ToArray();
        TrainingPlots.SaveAccuracyCurves(Path.Combine(_dir, "acc.png"), accuracy, accuracy.Select(a => a - 0.05).ToArray());
        AssertPng(Path.Combine(_dir, "acc.png"), 900, 560);
        TrainingPlots.SaveAccuracyCurves(Path.Combine(_dir, "acc.svg"), null, accuracy);
        Assert.Contains("Accuracy", AssertSvg(Path.Combine(_dir, "acc.svg"), 900, 560), StringComparison.Ordinal);
    }

    [Fact]
    public void SaveConfusionMatrix_Png_WritesPngOfDefaultSize()
    {
        string path = Path.Combine(_dir, "cm.png");
        TrainingPlots.SaveConfusionMatrix(path, Confusion, Names);
        AssertPng(path, 720, 640);
    }

    [Fact]
    public void SaveConfusionMatrix_Svg_ShowsCountsAndClassNames()
    {
        string path = Path.Combine(_dir, "cm.svg");
        TrainingPlots.SaveConfusionMatrix(path, Confusion.ToJagged(), Names);
        string text = AssertSvg(path, 720, 640);
        foreach (string expected in Names.Concat(["30", "12", "Predicted class", "True class"]))
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Save_ExistingFile_IsReplacedWithoutLeavingTemporaries()
    {
        string path = Path.Combine(_dir, "loss.png");
        Directory.CreateDirectory(_dir);
        File.WriteAllText(path, "old");
        TrainingPlots.SaveLossCurves(path, Train);
        AssertPng(path, 900, 560);
        Assert.Equal(["loss.png"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void Save_UnknownExtension_ThrowsNamingFile()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingPlots.SaveLossCurves(Path.Combine(_dir, "loss.jpg"), Train));
        Assert.Contains("loss.jpg", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir) && Directory.EnumerateFileSystemEntries(_dir).Any());
    }

    [Fact]
    public void SaveLossCurves_SuggestedEpochOutsideCurve_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TrainingPlots.SaveLossCurves(Path.Combine(_dir, "loss.png"), Train, suggestedEpoch: 41));
    }

    [Fact]
    public void SaveConfusionMatrix_NotSquare_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            TrainingPlots.SaveConfusionMatrix(Path.Combine(_dir, "cm.png"), new int[2, 3]));
        Assert.Contains("2x3", e.Message, StringComparison.Ordinal);
    }

    private static void AssertPng(string path, int width, int height)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
        // The first chunk is IHDR: width and height as big-endian 32-bit integers at offsets 16 and 20.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <returns>The SVG's text content (labels, tick labels, counts).</returns>
    private static string AssertSvg(string path, int width, int height)
    {
        XDocument doc = XDocument.Load(path);
        XElement root = doc.Root!;
        Assert.Equal("svg", root.Name.LocalName);
        Assert.Equal(width, (int)double.Parse(root.Attribute("width")!.Value.Replace("px", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(height, (int)double.Parse(root.Attribute("height")!.Value.Replace("px", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture));
        return string.Join("\n", root.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
    }
}

internal static class MatrixExtensions
{
    public static int[][] ToJagged(this int[,] m) =>
        Enumerable.Range(0, m.GetLength(0)).Select(i => Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j]).ToArray()).ToArray();
}
