using System.Globalization;
using Kindling.Training.Metrics;
using ScottPlot;

namespace Kindling.Training.Plots;

public static partial class TrainingPlots
{
    private static readonly Color ChanceColor = Color.FromHex("#7f7f7f");

    /// <summary>The ROC curve (false positive rate → true positive rate) with its AUC, and the chance diagonal.</summary>
    /// <param name="path">Output file, .png or .svg.</param>
    /// <param name="roc">The curve (<see cref="ClassificationMetrics.RocCurvePoints"/>).</param>
    /// <param name="auc">Its area, shown in the legend.</param>
    /// <param name="options">Size and title; title default "ROC curve".</param>
    public static void SaveRocCurve(string path, RocPoints roc, double auc, PlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(roc);
        options ??= new PlotOptions();
        var plot = new Plot();
        UseSansFont(plot);
        var chance = plot.Add.ScatterLine(new double[] { 0, 1 }, new double[] { 0, 1 }, ChanceColor);
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = "chance";
        var curve = plot.Add.ScatterLine(roc.Fpr, roc.Tpr, TrainColor);
        curve.LineWidth = 2;
        curve.LegendText = string.Create(CultureInfo.InvariantCulture, $"ROC AUC {auc:F4}");
        Decorate(plot, options.Title ?? "ROC curve", "False positive rate", "True positive rate", Alignment.LowerRight);
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        FigureWriter.Save(plot, path, options);
    }

    /// <summary>The precision-recall curve as a step function (how average precision sums it), with its average
    /// precision and the positive rate a random ranking would give.</summary>
    /// <param name="path">Output file, .png or .svg.</param>
    /// <param name="pr">The curve (<see cref="ClassificationMetrics.PrecisionRecallCurve"/>).</param>
    /// <param name="averagePrecision">Shown in the legend.</param>
    /// <param name="positiveRate">Fraction of positive rows: the precision of a random ranking.</param>
    /// <param name="options">Size and title; title default "Precision-recall curve".</param>
    public static void SavePrecisionRecallCurve(string path, PrecisionRecallPoints pr, double averagePrecision,
        double positiveRate, PlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pr);
        options ??= new PlotOptions();
        var plot = new Plot();
        UseSansFont(plot);
        var chance = plot.Add.HorizontalLine(positiveRate, 1, ChanceColor, LinePattern.Dashed);
        chance.LegendText = "chance";
        // Points come with recall decreasing; precision[i] covers recall (recall[i+1], recall[i]], the step function
        // whose area is the average precision.
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = pr.Recall.Length - 2; i >= 0; i--)
        {
            xs.Add(pr.Recall[i + 1]);
            ys.Add(pr.Precision[i]);
            xs.Add(pr.Recall[i]);
            ys.Add(pr.Precision[i]);
        }

        var curve = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), TrainColor);
        curve.LineWidth = 2;
        curve.LegendText = string.Create(CultureInfo.InvariantCulture, $"average precision {averagePrecision:F4}");
        Decorate(plot, options.Title ?? "Precision-recall curve", "Recall", "Precision", Alignment.LowerLeft);
        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        FigureWriter.Save(plot, path, options);
    }
}
