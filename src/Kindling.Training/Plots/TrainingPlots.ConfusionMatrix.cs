using System.Globalization;
using ScottPlot;

namespace Kindling.Training.Plots;

public static partial class TrainingPlots
{
    /// <summary>
    /// Confusion-matrix heatmap: rows are true classes (top to bottom), columns predicted classes, each
    /// cell shows its count. The colour is the row-normalised fraction (recall for the diagonal), so a
    /// rare class is as readable as a common one.
    /// </summary>
    /// <param name="path">Output file, .png or .svg.</param>
    /// <param name="matrix">Counts [true, predicted], C × C.</param>
    /// <param name="classNames">C class names for the axes, or null for 0..C−1.</param>
    /// <param name="options">Size and title; title default "Confusion matrix".</param>
    public static void SaveConfusionMatrix(string path, int[,] matrix, IReadOnlyList<string>? classNames = null,
        PlotOptions? options = null)
    {
        options ??= new PlotOptions { Width = 720, Height = 640 };
        FigureWriter.Save(ConfusionPlot(matrix, classNames, options.Title ?? "Confusion matrix"), path, options);
    }

    /// <summary>
    /// The confusion matrix of a report as a run folder shows it: in full up to
    /// <see cref="Metrics.ManyClasses.Threshold"/> classes, past it only the most confused classes (those of a
    /// report bounded by <see cref="Metrics.ManyClasses.Bound"/>), which the title says.
    /// </summary>
    /// <param name="path">Output file, .png or .svg.</param>
    /// <param name="report">The report, bounded or not.</param>
    /// <param name="set">Which rows the report covers, e.g. "test set": the title names it with their count.</param>
    public static void SaveConfusionMatrix(string path, Metrics.ClassificationReport report, string? set = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var shown = Metrics.ManyClasses.Bound(report);
        // "Confusion matrix — test set, n = 229": every evaluated row, though a bounded plot shows fewer classes.
        string title = set is null ? "Confusion matrix" : string.Create(CultureInfo.InvariantCulture,
            $"Confusion matrix — {set}, n = {report.NumSamples}");
        if (shown.ConfusionMatrixLabels is not int[] labels)
        {
            SaveConfusionMatrix(path, shown.ConfusionMatrix, shown.ClassNames, new PlotOptions { Width = 720, Height = 640, Title = title });
            return;
        }

        SaveConfusionMatrix(path, shown.ConfusionMatrix, labels.Select(i => shown.ClassNames[i]).ToArray(), new PlotOptions
        {
            Width = 1000,
            Height = 900,
            Title = string.Create(CultureInfo.InvariantCulture,
                $"{title}: the {labels.Length} most confused of {shown.NumClasses} classes"),
        });
    }

    /// <inheritdoc cref="SaveConfusionMatrix(string, int[,], IReadOnlyList{string}, PlotOptions)"/>
    public static void SaveConfusionMatrix(string path, int[][] matrix, IReadOnlyList<string>? classNames = null,
        PlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var m = new int[matrix.Length, matrix.Length];
        for (int i = 0; i < matrix.Length; i++)
        {
            if (matrix[i].Length != matrix.Length)
            {
                throw new ArgumentException(
                    $"matrix row {i} has {matrix[i].Length} entries; a confusion matrix is {matrix.Length}x{matrix.Length}.",
                    nameof(matrix));
            }

            for (int j = 0; j < matrix.Length; j++)
            {
                m[i, j] = matrix[i][j];
            }
        }

        SaveConfusionMatrix(path, m, classNames, options);
    }

    internal static Plot ConfusionPlot(int[,] matrix, IReadOnlyList<string>? classNames, string title)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int c = matrix.GetLength(0);
        if (c == 0 || matrix.GetLength(1) != c)
        {
            throw new ArgumentException(
                $"matrix is {matrix.GetLength(0)}x{matrix.GetLength(1)}; a confusion matrix is square and non-empty.",
                nameof(matrix));
        }

        if (classNames is not null && classNames.Count != c)
        {
            throw new ArgumentException($"classNames has {classNames.Count} names for {c} classes.", nameof(classNames));
        }

        string[] names = classNames?.ToArray()
            ?? Enumerable.Range(0, c).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        double[,] fraction = RowFractions(matrix);

        var plot = new Plot();
        UseSansFont(plot);
        var heatmap = plot.Add.Heatmap(fraction);
        // White (0) to dark blue (1): an empty cell reads as blank paper, a full row as ink.
        heatmap.Colormap = new ScottPlot.Colormaps.CustomInterpolated(
            [Colors.White, Color.FromHex("#c6dbef"), Color.FromHex("#6baed6"), Color.FromHex("#2171b5"), Color.FromHex("#08306b")]);
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        // Cell (i, j) covers x ∈ [j, j+1], y ∈ [c−i−1, c−i]: row 0 (the first true class) on top.
        heatmap.Rectangle = new CoordinateRect(0, c, 0, c);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "share of the true class";
        colorBar.LabelStyle.FontSize = 14;
        var barTicks = new ScottPlot.TickGenerators.NumericManual();
        for (int p = 0; p <= 100; p += 25)
        {
            barTicks.AddMajor(p / 100.0, p.ToString(CultureInfo.InvariantCulture) + "%");
        }

        colorBar.Axis.TickGenerator = barTicks;

        int fontSize = c <= 8 ? 18 : c <= 15 ? 13 : 9;
        // Past 20 classes the counts no longer fit their cells: the colour alone tells the story.
        for (int i = 0; i < c && c <= 20; i++)
        {
            for (int j = 0; j < c; j++)
            {
                var text = plot.Add.Text(matrix[i, j].ToString(CultureInfo.InvariantCulture), j + 0.5, c - i - 0.5);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                text.LabelFontName = SansFont.Name;
                text.LabelFontColor = fraction[i, j] > 0.55 ? Colors.White : Colors.Black;
            }
        }

        var xTicks = new ScottPlot.TickGenerators.NumericManual();
        var yTicks = new ScottPlot.TickGenerators.NumericManual();
        for (int k = 0; k < c; k++)
        {
            xTicks.AddMajor(k + 0.5, names[k]);
            yTicks.AddMajor(c - k - 0.5, names[k]);
        }

        plot.Axes.Bottom.TickGenerator = xTicks;
        plot.Axes.Left.TickGenerator = yTicks;
        float tickSize = c <= 20 ? 14 : 8;
        plot.Axes.Bottom.TickLabelStyle.FontSize = tickSize;
        plot.Axes.Left.TickLabelStyle.FontSize = tickSize;
        if (c > 20)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -90;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            // Room for the rotated names below the axis, so the axis title does not sit on them.
            plot.Axes.Bottom.MinimumSize = 110;
        }
        plot.Axes.SetLimits(0, c, 0, c);
        plot.HideGrid();
        plot.Title(title, 20);
        plot.XLabel("Predicted class", 16);
        plot.YLabel("True class", 16);
        return plot;
    }

    /// <summary>Each count divided by its row total (0 for an empty row).</summary>
    private static double[,] RowFractions(int[,] matrix)
    {
        int c = matrix.GetLength(0);
        var fraction = new double[c, c];
        for (int i = 0; i < c; i++)
        {
            long total = 0;
            for (int j = 0; j < c; j++)
            {
                if (matrix[i, j] < 0)
                {
                    throw new ArgumentException($"matrix[{i}, {j}] = {matrix[i, j]} is negative; counts cannot be.",
                        nameof(matrix));
                }

                total += matrix[i, j];
            }

            for (int j = 0; j < c; j++)
            {
                fraction[i, j] = total == 0 ? 0 : (double)matrix[i, j] / total;
            }
        }

        return fraction;
    }
}
