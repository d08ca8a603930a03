using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kindling.Training.Checkpoints;

/// <summary>A run's history as JSON lines (<c>history.jsonl</c>) beside its checkpoints: each epoch is written
/// once, so a checkpoint holds only its epoch number and stays the same size however long the run.</summary>
/// <remarks>A crash mid-append can leave a partial last line; readers take only the first lines a checkpoint
/// names, which were on disk before that checkpoint was.</remarks>
internal static class HistoryLog
{
    public const string FileName = "history.jsonl";

    /// <summary>Records <paramref name="from"/> onwards, one JSON object per line, as UTF-8.</summary>
    public static byte[] Lines(IReadOnlyList<EpochRecord> epochs, int from)
    {
        var buffer = new ArrayBufferWriter<byte>(128 * Math.Max(epochs.Count - from, 1));
        using var json = new Utf8JsonWriter(buffer);
        for (int i = from; i < epochs.Count; i++)
        {
            var e = epochs[i];
            json.Reset(buffer);
            json.WriteStartObject();
            json.WriteNumber("epoch", e.Epoch);
            Number(json, "train_loss", e.TrainLoss);
            if (e.TrainAccuracy is double ta) Number(json, "train_accuracy", ta);
            if (e.ValLoss is double vl) Number(json, "val_loss", vl);
            if (e.ValAccuracy is double va) Number(json, "val_accuracy", va);
            Number(json, "lr", e.Lr);
            Number(json, "seconds", e.Seconds);
            json.WriteEndObject();
            json.Flush();
            buffer.Write("\n"u8);
        }
        return buffer.WrittenSpan.ToArray();
    }

    // JSON has no NaN or infinity (a diverged validation loss can be either): those go as strings, "NaN", "Infinity".
    static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteString(name, value.ToString(CultureInfo.InvariantCulture));
    }

    static double Number(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetDouble();

    /// <summary>The first <paramref name="epochs"/> records of the log, checked against the checkpoint that
    /// names them (its epoch's training loss, so a log rewritten by another run is caught).</summary>
    /// <exception cref="InvalidDataException">The log is missing, too short or from another run.</exception>
    public static History Read(string path, int epochs, string trainLoss, string checkpoint)
    {
        var history = new History();
        if (epochs == 0) return history;
        if (!File.Exists(path)) throw new InvalidDataException($"{checkpoint}: its history ({path}) is missing");
        using (var reader = new StreamReader(path, Encoding.UTF8))
        {
            while (history.Count < epochs && reader.ReadLine() is string line)
            {
                try
                {
                    using var doc = JsonDocument.Parse(line);
                    var e = doc.RootElement;
                    history.Add(new EpochRecord(
                        e.GetProperty("epoch").GetInt32(),
                        Number(e.GetProperty("train_loss")),
                        e.TryGetProperty("val_loss", out var vl) ? Number(vl) : null,
                        e.TryGetProperty("val_accuracy", out var va) ? Number(va) : null,
                        Number(e.GetProperty("lr")),
                        Number(e.GetProperty("seconds")))
                    {
                        TrainAccuracy = e.TryGetProperty("train_accuracy", out var ta) ? Number(ta) : null,
                    });
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
                {
                    throw new InvalidDataException($"{path}: line {history.Count + 1} is not a history record ({ex.Message})", ex);
                }
            }
        }
        if (history.Count < epochs)
            throw new InvalidDataException($"{path}: holds {history.Count} epochs, but {checkpoint} was written after epoch {epochs}");
        var last = history.Epochs[^1];
        if (last.Epoch != epochs || last.TrainLoss.ToString("R", CultureInfo.InvariantCulture) != trainLoss)
            throw new InvalidDataException($"{path}: does not match {checkpoint} (written by another run in the same folder?)");
        return history;
    }
}
