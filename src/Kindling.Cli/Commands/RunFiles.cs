using System.Globalization;
using System.Text;
using System.Text.Json;
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
    public static void Write(string directory, SavedModel saved, TrainResult result, ClassificationReport report, ConvergenceResult convergence)
    {
        RunFolder.Save(directory, saved);
        AtomicFile.WriteAllText(Path.Combine(directory, "history.csv"), HistoryCsv(result.History));
        WriteMetrics(Path.Combine(directory, "metrics.json"), report);
        var history = result.History;
        foreach (var ext in new[] { "png", "svg" })
        {
            TrainingPlots.SaveConfusionMatrix(Path.Combine(directory, $"confusion.{ext}"), report.ConfusionMatrix, report.ClassNames);
            if (history.Count == 0) continue;   // stopped inside epoch 1: no curve to draw
            TrainingPlots.SaveLossCurves(Path.Combine(directory, $"loss.{ext}"), history.TrainLoss,
                history.ValLoss.Count > 0 ? history.ValLoss : null, convergence.SuggestedEpochs);
            if (history.ValAccuracy.Count > 0)
                TrainingPlots.SaveAccuracyCurves(Path.Combine(directory, $"accuracy.{ext}"), null, history.ValAccuracy);
        }
    }

    public static void WriteMetrics(string path, ClassificationReport report) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(report, CliJsonContext.Default.ClassificationReport) + "\n");

    static string HistoryCsv(History history)
    {
        var csv = new StringBuilder("epoch,train_loss,val_loss,val_accuracy,lr,seconds\n");
        foreach (var e in history.Epochs)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{e.Epoch},{e.TrainLoss:R},{e.ValLoss?.ToString("R", CultureInfo.InvariantCulture)},{e.ValAccuracy?.ToString("R", CultureInfo.InvariantCulture)},{e.Lr:R},{e.Seconds:F6}\n");
        }
        return csv.ToString();
    }
}
