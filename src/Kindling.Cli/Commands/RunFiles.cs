using System.Globalization;
using System.Text;
using System.Text.Json;
using Kindling.Reports;
using Kindling.Training;
using Kindling.Training.Convergence;
using Kindling.Training.Metrics;
using Kindling.Training.Plots;
using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary>Everything a run folder holds besides the checkpoints: the model files, history.csv, metrics.json and
/// the plots. Each file is written atomically.</summary>
static class RunFiles
{
    /// <param name="stop">Checked between files: once it is set, the next file is not started and
    /// <see cref="OperationCanceledException"/> is thrown, so the caller never moves a partial folder into place.</param>
    /// <param name="finalDirectory">Where <paramref name="directory"/> will be moved: the folder report.html names.</param>
    public static void Write(string directory, SavedModel saved, TrainResult result, ClassificationReport report, ConvergenceResult convergence,
        Func<bool>? stop = null, string? finalDirectory = null)
    {
        void Next()
        {
            if (stop?.Invoke() == true) throw new OperationCanceledException("interrupted while writing the run folder");
        }

        // Past ManyClasses.Threshold classes the metrics and the plot keep only the classes worth reading.
        report = ManyClasses.Bound(report);
        RunFolder.Save(directory, saved);
        Next();
        AtomicFile.WriteAllText(Path.Combine(directory, "history.csv"), HistoryCsv(result.History, result.BestEpoch));
        Next();
        WriteMetrics(Path.Combine(directory, "metrics.json"), report);
        var history = result.History;
        var titles = PlotTitles.Of(saved.Data);
        foreach (var ext in new[] { "png", "svg" })
        {
            Next();
            TrainingPlots.SaveConfusionMatrix(Path.Combine(directory, $"confusion.{ext}"), report, "test set");
            BinaryPlots.Save(directory, ext, report);
            if (history.Count == 0) continue;   // stopped inside epoch 1: no curve to draw
            Next();
            TrainingPlots.SaveLossCurves(Path.Combine(directory, $"loss.{ext}"), history.TrainLoss,
                history.ValLoss.Count > 0 ? history.ValLoss : null, convergence.SuggestedEpochs,
                new PlotOptions { Title = titles.Loss }, result.BestEpoch);
            Next();
            if (history.ValAccuracy.Count > 0 || history.TrainAccuracy.Count > 0)
                TrainingPlots.SaveAccuracyCurves(Path.Combine(directory, $"accuracy.{ext}"), history.TrainAccuracy,
                    history.ValAccuracy, new PlotOptions { Title = titles.Accuracy }, result.BestEpoch);
        }
        Next();
        RunReport.Write(directory, finalDirectory);   // last: it reads the files above and links them
        Next();
    }

    /// <summary>metrics.json, bounded for many classes (<see cref="ManyClasses"/>).</summary>
    public static void WriteMetrics(string path, ClassificationReport report) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(ManyClasses.Bound(report), CliJson.Report) + "\n");

    // New columns go at the end, so readers by position keep working; `restored` is 1 on the epoch whose weights
    // early stopping put back (the saved model's), 0 elsewhere.
    internal static string HistoryCsv(History history, int? restored)
    {
        var csv = new StringBuilder("epoch,train_loss,val_loss,val_accuracy,lr,seconds,train_accuracy,restored\n");
        foreach (var e in history.Epochs)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{e.Epoch},{e.TrainLoss:R},{e.ValLoss?.ToString("R", CultureInfo.InvariantCulture)},{e.ValAccuracy?.ToString("R", CultureInfo.InvariantCulture)},{e.Lr:R},{e.Seconds:F6}");
            csv.Append(CultureInfo.InvariantCulture, $",{e.TrainAccuracy?.ToString("R", CultureInfo.InvariantCulture)},{(e.Epoch == restored ? 1 : 0)}\n");
        }
        return csv.ToString();
    }
}
