using ScottPlot;

namespace Kindling.Training.Plots;

/// <summary>
/// The figures of a training run: loss curves (with the suggested epoch), accuracy curves and the
/// confusion matrix. Each method writes a PNG or SVG file (by extension), atomically.
/// </summary>
public static partial class TrainingPlots
{
    private static readonly Color TrainColor = Color.FromHex("#1f77b4");
    private static readonly Color ValidationColor = Color.FromHex("#ff7f0e");
    private static readonly Color SuggestionColor = Color.FromHex("#2ca02c");
    private static readonly Color RestoredColor = Color.FromHex("#d62728");

    /// <summary>
    /// Training (and validation) loss per epoch, with a dashed vertical line at the suggested epoch count.
    /// </summary>
    /// <param name="path">Output file, .png or .svg.</param>
    /// <param name="trainLoss">Training loss of epochs 1..n.</param>
    /// <param name="validationLoss">Validation loss per epoch, or null.</param>
    /// <param name="suggestedEpoch">Epoch to mark (e.g. ConvergenceResult.SuggestedEpochs), or null.</param>
    /// <param name="options">Size and title; title default "Loss".</param>
    /// <param name="restoredEpoch">Epoch whose weights the model holds (early stopping restored them), or null.</param>
    public static void SaveLossCurves(string path, IReadOnlyList<double> trainLoss,
        IReadOnlyList<double>? validationLoss = null, int? suggestedEpoch = null, PlotOptions? options = null,
        int? restoredEpoch = null)
    {
        options ??= new PlotOptions();
        FigureWriter.Save(LossPlot(trainLoss, validationLoss, suggestedEpoch, options.Title ?? "Loss", restoredEpoch), path, options);
    }

    /// <summary>Training and/or validation accuracy per epoch, on a 0–1 axis.</summary>
    /// <param name="path">Output file, .png or .svg.</param>
    /// <param name="trainAccuracy">Training accuracy per epoch, or null.</param>
    /// <param name="validationAccuracy">Validation accuracy per epoch, or null.</param>
    /// <param name="options">Size and title; title default "Accuracy".</param>
    /// <param name="restoredEpoch">Epoch whose weights the model holds (early stopping restored them), or null.</param>
    public static void SaveAccuracyCurves(string path, IReadOnlyList<double>? trainAccuracy,
        IReadOnlyList<double>? validationAccuracy = null, PlotOptions? options = null, int? restoredEpoch = null)
    {
        options ??= new PlotOptions();
        FigureWriter.Save(AccuracyPlot(trainAccuracy, validationAccuracy, options.Title ?? "Accuracy", restoredEpoch), path, options);
    }

    internal static Plot LossPlot(IReadOnlyList<double> trainLoss, IReadOnlyList<double>? validationLoss,
        int? suggestedEpoch, string title, int? restoredEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(trainLoss);
        if (trainLoss.Count == 0)
        {
            throw new ArgumentException("trainLoss is empty: there is no curve to plot.", nameof(trainLoss));
        }

        var plot = new Plot();
        UseSansFont(plot);
        AddCurve(plot, trainLoss, "train", TrainColor);
        if (validationLoss is { Count: > 0 })
        {
            AddCurve(plot, validationLoss, "validation", ValidationColor);
        }

        int longest = Math.Max(trainLoss.Count, validationLoss?.Count ?? 0);
        if (suggestedEpoch is int epoch)
        {
            CheckEpoch(epoch, longest, nameof(suggestedEpoch));
            AddEpochLine(plot, epoch, $"suggested: {epoch} epochs", SuggestionColor, LinePattern.Dashed);
        }

        if (restoredEpoch is int restored)
        {
            CheckEpoch(restored, longest, nameof(restoredEpoch));
            AddEpochLine(plot, restored, $"restored: epoch {restored} (saved weights)", RestoredColor, LinePattern.Dotted);
        }

        Decorate(plot, title, "Epoch", "Loss", Alignment.UpperRight);
        return plot;
    }

    private static void CheckEpoch(int epoch, int longest, string name)
    {
        if (epoch < 1 || epoch > longest)
        {
            throw new ArgumentOutOfRangeException(name, epoch, $"{name} must be an epoch in 1..{longest}.");
        }
    }

    private static void AddEpochLine(Plot plot, int epoch, string legend, Color color, LinePattern pattern)
    {
        var line = plot.Add.VerticalLine(epoch, 2, color, pattern);
        line.LegendText = legend;
        // The tag sits above the plot, on the top edge: on the epoch axis it hid that axis's tick labels.
        line.LabelText = $"epoch {epoch}";
        line.LabelFontSize = 14;
        line.LabelOppositeAxis = true;
        // Room between the data area and the title, so the tag covers neither.
        plot.Axes.Top.MinimumSize = 30;
    }

    internal static Plot AccuracyPlot(IReadOnlyList<double>? trainAccuracy, IReadOnlyList<double>? validationAccuracy,
        string title, int? restoredEpoch = null)
    {
        if (trainAccuracy is not { Count: > 0 } && validationAccuracy is not { Count: > 0 })
        {
            throw new ArgumentException("Both accuracy curves are empty: there is nothing to plot.", nameof(trainAccuracy));
        }

        var plot = new Plot();
        UseSansFont(plot);
        if (trainAccuracy is { Count: > 0 })
        {
            AddCurve(plot, trainAccuracy, "train", TrainColor);
        }

        if (validationAccuracy is { Count: > 0 })
        {
            AddCurve(plot, validationAccuracy, "validation", ValidationColor);
        }

        if (restoredEpoch is int restored)
        {
            CheckEpoch(restored, Math.Max(trainAccuracy?.Count ?? 0, validationAccuracy?.Count ?? 0), nameof(restoredEpoch));
            AddEpochLine(plot, restored, $"restored: epoch {restored} (saved weights)", RestoredColor, LinePattern.Dotted);
        }

        Decorate(plot, title, "Epoch", "Accuracy", Alignment.LowerRight);
        var (low, high) = AccuracyRange((trainAccuracy ?? []).Concat(validationAccuracy ?? []));
        plot.Axes.SetLimitsY(low, high);
        return plot;
    }

    /// <summary>The data's range with a margin, within [0, 1]: curves between 0.55 and 0.62 fill the plot
    /// instead of a flat band on a 0–1 axis.</summary>
    internal static (double Low, double High) AccuracyRange(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0)
        {
            return (0, 1.02);
        }

        double min = finite.Min(), max = finite.Max();
        double margin = Math.Max(0.02, 0.08 * (max - min));
        return (Math.Max(0, min - margin), Math.Min(1.02, max + margin));
    }

    /// <summary>Sets every label of the figure to <see cref="SansFont"/>; call before adding styled text.</summary>
    private static void UseSansFont(Plot plot) => plot.Font.Set(SansFont.Name);

    private static void AddCurve(Plot plot, IReadOnlyList<double> values, string label, Color color)
    {
        double[] xs = Enumerable.Range(1, values.Count).Select(e => (double)e).ToArray();
        var scatter = plot.Add.ScatterLine(xs, values.ToArray(), color);
        scatter.LineWidth = 2;
        scatter.LegendText = label;
    }

    private static void Decorate(Plot plot, string title, string xLabel, string yLabel, Alignment legend)
    {
        plot.Title(title, 20);
        plot.XLabel(xLabel, 16);
        plot.YLabel(yLabel, 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        // The legend sits where the curves are not: top right for a falling loss, bottom right for a rising accuracy.
        plot.ShowLegend(legend);
        plot.Legend.FontSize = 14;
    }
}
