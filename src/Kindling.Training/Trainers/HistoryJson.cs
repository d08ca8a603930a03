using System.Text;
using System.Text.Json;

namespace Kindling.Training;

/// <summary>History to and from JSON with the reader/writer directly (no reflection: the CLI is NativeAOT).</summary>
static class HistoryJson
{
    public static string Write(History history)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var e in history.Epochs)
            {
                json.WriteStartObject();
                json.WriteNumber("epoch", e.Epoch);
                json.WriteNumber("train_loss", e.TrainLoss);
                if (e.TrainAccuracy is double ta) json.WriteNumber("train_accuracy", ta);
                if (e.ValLoss is double vl) json.WriteNumber("val_loss", vl);
                if (e.ValAccuracy is double va) json.WriteNumber("val_accuracy", va);
                json.WriteNumber("lr", e.Lr);
                json.WriteNumber("seconds", e.Seconds);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static History Read(string text)
    {
        var history = new History();
        using var doc = JsonDocument.Parse(text);
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            history.Add(new EpochRecord(
                e.GetProperty("epoch").GetInt32(),
                e.GetProperty("train_loss").GetDouble(),
                e.TryGetProperty("val_loss", out var vl) ? vl.GetDouble() : null,
                e.TryGetProperty("val_accuracy", out var va) ? va.GetDouble() : null,
                e.GetProperty("lr").GetDouble(),
                e.GetProperty("seconds").GetDouble())
            {
                TrainAccuracy = e.TryGetProperty("train_accuracy", out var ta) ? ta.GetDouble() : null,
            });
        }
        return history;
    }
}
