using System.Globalization;
using Kindling.Reports.Charts;
using Kindling.Reports.Html;
using Kindling.Reports.Runs;

namespace Kindling.Reports.Pages;

/// <summary>The comparison page: which runs, their metrics with the best per row marked, the curves overlaid, and
/// the options with those that differ highlighted.</summary>
internal static class ComparePage
{
    public static string Render(RunComparison c)
    {
        var names = c.Names;
        var html = PageShell.Begin($"Kindling: {c.Runs.Count} runs compared");
        html.Element("h1", $"{c.Runs.Count} runs compared");
        html.Open("ul");
        for (int i = 0; i < c.Runs.Count; i++)
        {
            var q = c.Runs[i].Question;
            html.Open("li").Open("span", ("class", "swatch"), ("style", $"background:{Colour(i)}"), ("aria-hidden", "true")).Close();
            html.Element("strong", names[i]).Text($": {c.Runs[i].Task} of {q.Target} on {q.DataPath} ({q.TestRows} test rows) — ")
                .Element("a", "report", ("href", new Uri(Path.Combine(c.Runs[i].Folder, RunRecordReader.ReportFile)).AbsoluteUri)).Close();
        }
        html.Close();

        html.Element("h2", "Metrics on the test rows");
        html.Element("p", "The best value of each row is marked ★ (ties all marked).", ("class", "muted"));
        bool baseline = c.Metrics.Any(m => m.Baseline is not null);
        html.Open("div", ("class", "scroll")).Open("table", ("id", "metrics"));
        html.Open("thead").Open("tr").Element("th", "metric", ("scope", "col"));
        foreach (var n in names) html.Element("th", n, ("scope", "col"));
        if (baseline) html.Element("th", "constant baseline", ("scope", "col"));
        html.Close().Close().Open("tbody");
        foreach (var m in c.Metrics)
        {
            var best = m.Best;
            html.Open("tr", ("data-metric", m.Key)).Element("th", m.Label + (m.HigherIsBetter ? " ↑" : " ↓"), ("scope", "row"));
            for (int i = 0; i < m.Values.Count; i++)
            {
                bool isBest = best.Contains(i);
                html.Element("td", Value(m, m.Values[i]) + (isBest ? " ★" : ""), ("class", isBest ? "best" : null));
            }
            if (baseline) html.Element("td", m.Baseline is double b ? Fmt.Metric(b) : "");
            html.Close();
        }
        html.Close().Close().Close();

        html.Element("h2", "Curves");
        html.Open("div", ("class", "grid"));
        var loss = new List<Series>();
        var accuracy = new List<Series>();
        for (int i = 0; i < c.Runs.Count; i++)
        {
            var h = c.Runs[i].History;
            loss.Add(new Series($"{names[i]} train", h.TrainLoss, Colour(i)));
            if (h.HasValidation) loss.Add(new Series($"{names[i]} validation", h.ValLoss, Colour(i), Dashed: true));
            if (h.ValAccuracy.Any(v => v is not null)) accuracy.Add(new Series($"{names[i]} validation", h.ValAccuracy, Colour(i)));
        }
        LineChart.Write(html, "Loss", "loss", loss);
        if (accuracy.Count > 0) LineChart.Write(html, "Accuracy", "accuracy", accuracy);
        html.Close();

        html.Element("h2", "Options");
        html.Element("p", "Rows that differ between runs are highlighted and marked ≠.", ("class", "muted"));
        html.Open("div", ("class", "scroll")).Open("table", ("id", "options"));
        html.Open("thead").Open("tr").Element("th", "option", ("scope", "col"));
        foreach (var n in names) html.Element("th", n, ("scope", "col"));
        html.Close().Close().Open("tbody");
        foreach (var o in c.Options)
        {
            html.Open("tr", ("class", o.Differs ? "differs" : null)).Element("th", o.Key + (o.Differs ? " ≠" : ""), ("scope", "row"));
            foreach (var v in o.Values) html.Element("td", v, ("class", "text"));
            html.Close();
        }
        html.Close().Close().Close();
        return PageShell.End(html);
    }

    static string Colour(int i) => ReportStyle.Series[i % ReportStyle.Series.Length];

    static string Value(ComparedMetric m, double? v) => v switch
    {
        null => "–",
        double d when m.Key == "parameters" => Fmt.Int((long)d),
        double d when m.Key == "train_seconds" => d.ToString("F3", CultureInfo.InvariantCulture),
        double d => Fmt.Metric(d),
    };
}
