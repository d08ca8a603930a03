using System.Text.Json;
using Kindling.Reports.Pages;
using Kindling.Reports.Runs;
using Kindling.Training.Plots;

namespace Kindling.Reports;

/// <summary>Runs side by side: one page with their curves overlaid, their metrics (best marked) and the options
/// that differ, or the same as JSON.</summary>
public static class RunComparer
{
    /// <summary>The comparison page for <paramref name="comparison"/>.</summary>
    public static string Render(RunComparison comparison) => ComparePage.Render(comparison);

    /// <summary>Writes the page to <paramref name="path"/> atomically.</summary>
    public static void Write(RunComparison comparison, string path) => AtomicFile.WriteAllText(path, Render(comparison));

    /// <summary>The comparison as one JSON object: each run's metrics and options, the best run per metric, and
    /// the options that differ.</summary>
    public static void WriteJson(Utf8JsonWriter json, RunComparison c)
    {
        var names = c.Names;
        json.WriteStartObject();
        json.WriteStartArray("runs");
        for (int i = 0; i < c.Runs.Count; i++)
        {
            var run = c.Runs[i];
            json.WriteStartObject();
            json.WriteString("name", names[i]);
            json.WriteString("folder", run.Folder);
            json.WriteString("task", run.Task);
            json.WriteStartObject("metrics");
            foreach (var m in c.Metrics)
            {
                if (m.Values[i] is double v && double.IsFinite(v)) json.WriteNumber(m.Key, v);
                else json.WriteNull(m.Key);
            }
            json.WriteEndObject();
            json.WriteNumber("epochs_trained", run.History.Count);
            if (run.Convergence is { } conv) json.WriteNumber("suggested_epochs", conv.SuggestedEpochs);
            json.WriteStartObject("options");
            foreach (var o in c.Options) json.WriteString(o.Key, o.Values[i]);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("best");
        foreach (var m in c.Metrics)
        {
            json.WriteStartArray(m.Key);
            foreach (int i in m.Best) json.WriteStringValue(names[i]);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        json.WriteStartArray("differing_options");
        foreach (var o in c.Options.Where(o => o.Differs)) json.WriteStringValue(o.Key);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
