using System.Xml.Linq;
using Kindling.Training.Plots;

namespace Kindling.Training.Tests.Plots;

public sealed class RegressionPlotsTests : IDisposable
{
    static readonly double[] Actual = Enumerable.Range(0, 30).Select(i => 5 + (i * 0.3)).ToArray();
    static readonly double[] Predicted = Actual.Select((a, i) => a + Math.Sin(i)).ToArray();

    readonly string dir = Directory.CreateTempSubdirectory("kindling-regplots-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void SavePredictedVsActual_PngAndSvg_AreWrittenWithAxisNames()
    {
        TrainingPlots.SavePredictedVsActual(Path.Combine(dir, "p.png"), Actual, Predicted);
        TrainingPlots.SavePredictedVsActual(Path.Combine(dir, "p.svg"), Actual, Predicted);
        Assert.True(new FileInfo(Path.Combine(dir, "p.png")).Length > 1000);
        string svg = XDocument.Load(Path.Combine(dir, "p.svg")).ToString();
        Assert.Contains("Actual", svg);
        Assert.Contains("Predicted", svg);
    }

    [Fact]
    public void SaveResiduals_Svg_IsWritten()
    {
        TrainingPlots.SaveResiduals(Path.Combine(dir, "r.svg"), Actual, Predicted);
        Assert.Contains("Residuals", XDocument.Load(Path.Combine(dir, "r.svg")).ToString());
    }

    [Fact]
    public void SaveResiduals_LengthMismatch_Throws() =>
        Assert.Throws<ArgumentException>(() => TrainingPlots.SaveResiduals(Path.Combine(dir, "r.png"), Actual, Predicted[..5]));
}
