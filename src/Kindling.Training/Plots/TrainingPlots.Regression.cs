using ScottPlot;

namespace Kindling.Training.Plots;

public static partial class TrainingPlots
{
    private static readonly Color IdentityColor = Color.FromHex("#7f7f7f");

    /// <summary>Predicted against actual values of a regression's test rows, with the identity line y = x
    /// (a perfect model puts every point on it).</summary>
    /// <param name="path">Output file, .png or .svg.</param>
    /// <param name="actual">The target's values.</param>
    /// <param name="predicted">The predictions, in the target's units.</param>
    /// <param name="options">Size and title; title default "Predicted vs actual".</param>
    public static void SavePredictedVsActual(string path, IReadOnlyList<double> actual, IReadOnlyList<double> predicted, PlotOptions? options = null)
    {
        options ??= new PlotOptions();
        FigureWriter.Save(PredictedVsActualPlot(actual, predicted, options.Title ?? "Predicted vs actual"), path, options);
    }

    /// <summary>Residuals (actual − predicted) against the predictions, with a line at zero: a pattern in the
    /// cloud is structure the model missed.</summary>
    /// <param name="path">Output file, .png or .svg.</param>
    /// <param name="actual">The target's values.</param>
    /// <param name="predicted">The predictions, in the target's units.</param>
    /// <param name="options">Size and title; title default "Residuals".</param>
    public static void SaveResiduals(string path, IReadOnlyList<double> actual, IReadOnlyList<double> predicted, PlotOptions? options = null)
    {
        options ??= new PlotOptions();
        FigureWriter.Save(ResidualsPlot(actual, predicted, options.Title ?? "Residuals"), path, options);
    }

    internal static Plot PredictedVsActualPlot(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, string title)
    {
        CheckPairs(actual, predicted);
        var plot = new Plot();
        UseSansFont(plot);
        var finite = actual.Concat(predicted).Where(double.IsFinite).ToList();
        double lo = finite.Count > 0 ? finite.Min() : 0, hi = finite.Count > 0 ? finite.Max() : 1;
        var identity = plot.Add.Line(lo, lo, hi, hi);
        identity.Color = IdentityColor;
        // Solid: ScottPlot's SVG backend cannot draw a dashed free line (it prints "Unsupported path effect").
        identity.LineWidth = 2;
        identity.LegendText = "y = x";
        AddPoints(plot, [.. actual], [.. predicted], "test rows");
        Decorate(plot, title, "Actual", "Predicted", Alignment.UpperLeft);
        return plot;
    }

    internal static Plot ResidualsPlot(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, string title)
    {
        CheckPairs(actual, predicted);
        var plot = new Plot();
        UseSansFont(plot);
        double[] residuals = actual.Zip(predicted, (a, p) => a - p).ToArray();
        // Points before the dashed line: ScottPlot reuses one paint, and a marker drawn after a dashed line keeps its
        // path effect, which SkiaSharp's SVG canvas reports once per point ("Unsupported path effect in addPaint.").
        AddPoints(plot, [.. predicted], residuals, "test rows");
        var zero = plot.Add.HorizontalLine(0, 2, IdentityColor, LinePattern.Dashed);
        zero.LegendText = "zero";
        Decorate(plot, title, "Predicted", "Actual − predicted", Alignment.UpperRight);
        return plot;
    }

    private static void AddPoints(Plot plot, double[] xs, double[] ys, string label)
    {
        var points = plot.Add.ScatterPoints(xs, ys, TrainColor.WithAlpha(0.6));
        points.MarkerSize = 6;
        points.LegendText = label;
    }

    private static void CheckPairs(IReadOnlyList<double> actual, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        if (actual.Count == 0 || actual.Count != predicted.Count)
            throw new ArgumentException($"need as many predictions as actual values, and at least one: got {actual.Count} and {predicted.Count}");
    }
}
