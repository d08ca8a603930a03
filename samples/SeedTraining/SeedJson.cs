using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SeedTraining;

/// <summary>The run as seed_program.py's <c>--json</c> line, same field names and order, so the two outputs diff field by field.</summary>
internal static class SeedJson
{
    /// <summary>One JSON object: train_loss, test_accuracy, train_seconds, total_seconds, classes, n_train, n_test, first_weight_row.</summary>
    public static string Write(SeedResult result, double totalSeconds)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("train_loss");
            foreach (double loss in result.TrainLoss) w.WriteNumberValue(loss);
            w.WriteEndArray();
            w.WriteNumber("test_accuracy", result.TestAccuracy);
            w.WriteNumber("train_seconds", result.TrainSeconds);
            w.WriteNumber("total_seconds", totalSeconds);
            w.WriteStartArray("classes");
            // Numeric labels print as numbers (pandas' int64 quality → 3, 4, ...), text labels as strings.
            foreach (string c in result.Classes)
            {
                if (double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) w.WriteNumberValue(v);
                else w.WriteStringValue(c);
            }
            w.WriteEndArray();
            w.WriteNumber("n_train", result.NTrain);
            w.WriteNumber("n_test", result.NTest);
            w.WriteStartArray("first_weight_row");
            // float32 widened to double, as Tensor.tolist() does.
            foreach (float v in result.FirstWeightRow) w.WriteNumberValue((double)v);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
