using Kindling.Reports.Html;
using Kindling.Reports.Runs;

namespace Kindling.Reports.Pages;

/// <summary>The reference half of a report: the data's schema and the fitted preprocessing, the model and every
/// option, provenance (timings, version, the data's sha256) and the folder's files.</summary>
internal static class DetailSections
{
    public static void Write(HtmlWriter html, RunRecord run)
    {
        html.Element("h2", "Data");
        if (run.Schema.Count > 0) Schema(html, run.Schema);
        html.Element("h3", "Fitted preprocessing (on the training rows)");
        KeyValues(html, run.Preprocessing);

        html.Element("h2", "Model");
        html.Element("p", $"{Fmt.Int(run.ParameterCount)} parameters in {run.Layers.Count} layers.");
        html.Open("ol", ("start", "0"));
        foreach (var layer in run.Layers) html.Element("li", layer);
        html.Close();
        html.Element("h3", "Options");
        KeyValues(html, run.Options);

        html.Element("h2", "Provenance");
        double trainSeconds = run.History.Seconds.Sum();
        KeyValues(html,
        [
            new("training time", $"{Fmt.Seconds(trainSeconds)} over {run.History.Count} epoch(s)"),
            new("written", run.CreatedUtc),
            new("Kindling version", run.KindlingVersion),
            new("data", run.Question.DataPath),
            new("data sha256", run.Question.Sha256 ?? "unknown"),
            new("folder", run.Folder),
        ]);

        html.Element("h2", "Files in this folder");
        html.Open("ul");
        foreach (var file in run.Files) html.Open("li").Element("a", file, ("href", Uri.EscapeDataString(file.TrimEnd('/')) + (file.EndsWith('/') ? "/" : ""))).Close();
        html.Close();
    }

    static void Schema(HtmlWriter html, IReadOnlyList<SchemaColumn> columns)
    {
        html.Open("div", ("class", "scroll")).Open("table", ("id", "schema"));
        html.Open("thead").Open("tr");
        foreach (var head in new[] { "column", "role", "type", "missing", "distinct", "min", "max" }) html.Element("th", head, ("scope", "col"));
        html.Close().Close().Open("tbody");
        foreach (var c in columns)
        {
            html.Open("tr").Element("th", c.Name, ("scope", "row"));
            html.Element("td", c.Role, ("class", "text")).Element("td", c.Kind, ("class", "text"));
            html.Element("td", Fmt.Int(c.Missing)).Element("td", Fmt.Int(c.Distinct)).Element("td", Fmt.G(c.Min)).Element("td", Fmt.G(c.Max));
            html.Close();
        }
        html.Close().Close().Close();
    }

    internal static void KeyValues(HtmlWriter html, IReadOnlyList<KeyValuePair<string, string>> rows)
    {
        html.Open("dl", ("class", "kv"));
        foreach (var (k, v) in rows) html.Element("dt", k).Element("dd", v);
        html.Close();
    }
}
