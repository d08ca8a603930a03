using System.Text.Json;
using Kindling.Reports;
using Kindling.Training;
using Kindling.Training.Convergence;
using Kindling.Training.Metrics;
using Kindling.Training.Plots;
using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary>A regression run folder besides the checkpoints: the model files, history.csv, metrics.json (the test
/// rows' regression metrics in the target's units) and the plots (loss, predicted vs actual, residuals). Each file is
/// written atomically.</summary>
static class RegressionRunFiles
{
    /// <param name="stop">As <see cref="RunFiles.Write"/>: checked between files.</param>
    /// <param name="finalDirectory">Where <paramref name="directory"/> will be moved: the folder report.html names.</param>
    public static void Write(string directory, SavedModel saved, TrainResult result, RegressionReport report, double[] actual, double[] predicted,
        ConvergenceResult convergence, Func<bool>? stop = null, string? finalDirectory = null)
    {
        void Next()
        {
            if (stop?.Invoke() == true) throw new OperationCanceledException("interrupted while writing the run folder");
        }

        RunFolder.Save(directory, saved);
        Next();
        AtomicFile.WriteAllText(Path.Combine(directory, "history.csv"), RunFiles.HistoryCsv(result.History, result.BestEpoch));
        Next();
        WriteMetrics(Path.Combine(directory, "metrics.json"), report);
        var history = result.History;
        foreach (var ext in new[] { "png", "svg" })
        {
            Next();
            TrainingPlots.SavePredictedVsActual(Path.Combine(directory, $"predicted_vs_actual.{ext}"), actual, predicted);
            Next();
            TrainingPlots.SaveResiduals(Path.Combine(directory, $"residuals.{ext}"), actual, predicted);
            if (history.Count == 0) continue;   // stopped inside epoch 1: no curve to draw
            Next();
            TrainingPlots.SaveLossCurves(Path.Combine(directory, $"loss.{ext}"), history.TrainLoss,
                history.ValLoss.Count > 0 ? history.ValLoss : null, convergence.SuggestedEpochs);
        }
        Next();
        RunReport.Write(directory, finalDirectory);   // last: it reads the files above and links them
    }

    /// <summary>metrics.json of a regression: snake_case names, NaN as null.</summary>
    public static void WriteMetrics(string path, RegressionReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("task", "regression");
            json.WriteNumber("rows", report.Rows);
            RegressionReportText.WriteMetrics(json, report, "");
            json.WriteEndObject();
        }
        AtomicFile.WriteAllText(path, System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }
}
