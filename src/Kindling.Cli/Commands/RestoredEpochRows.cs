using System.Globalization;
using Kindling.Training;

namespace Kindling.Cli.Commands;

/// <summary>The summary rows of a run whose weights early stopping restored. Three epochs are in play and each
/// gets its name: the restored epoch (the saved, tested weights), the last epoch trained, and the convergence
/// detector's suggestion (where the curve flattened: advice for --epochs, not the model kept).</summary>
static class RestoredEpochRows
{
    /// <summary>"restored epoch" and "last epoch" rows, or none when the model holds the last epoch's weights.</summary>
    public static IEnumerable<(string Key, string Value)> Rows(TrainResult result, int? patience)
    {
        if (result.BestEpoch is not int best || best < 1 || best > result.History.Count) yield break;
        var h = result.History;
        yield return ("restored epoch", $"{best}: {Metrics(h.Epochs[best - 1])} — the weights saved and tested (lowest validation loss)");
        var last = h.Epochs[^1];
        string why = result.Reason switch
        {
            StopReason.EarlyStopped => $"no improvement for {patience} epochs ended the run",
            StopReason.Cancelled => "interrupted",
            _ => "the last epoch trained",
        };
        yield return ("last epoch", $"{last.Epoch}: {Metrics(last)} — {why}");
    }

    /// <summary>One line under the table saying what each epoch number is.</summary>
    public static string Legend(TrainResult result, int suggested) => string.Create(CultureInfo.InvariantCulture,
        $"epochs: {result.BestEpoch} is the model saved and tested on the test rows, {result.History.Count} the last trained, {suggested} the suggested --epochs, where the loss curve flattened (a hint for the next run)");

    static string Metrics(EpochRecord e)
    {
        var parts = new List<string> { F("train loss", e.TrainLoss, "F6") };
        if (e.TrainAccuracy is double ta) parts.Add(F("train accuracy", ta, "F4"));
        if (e.ValLoss is double vl) parts.Add(F("validation loss", vl, "F6"));
        if (e.ValAccuracy is double va) parts.Add(F("validation accuracy", va, "F4"));
        return string.Join(", ", parts);
    }

    static string F(string name, double value, string format) => $"{name} {value.ToString(format, CultureInfo.InvariantCulture)}";
}
