using Kindling.Reports.Charts;
using Kindling.Reports.Html;
using Kindling.Reports.Runs;

namespace Kindling.Reports.Pages;

/// <summary>report.html for one run: the question and the verdict first, then how training went, the test results,
/// the data, the model and its options, and where it all came from.</summary>
internal static class RunPage
{
    public static string Render(RunRecord run)
    {
        var html = PageShell.Begin($"Kindling report: {run.Name}");
        Header(html, run);
        Verdict(html, run);
        Curves(html, run);
        ResultSections.Write(html, run);
        DetailSections.Write(html, run);
        return PageShell.End(html);
    }

    internal static void Header(HtmlWriter html, RunRecord run)
    {
        var q = run.Question;
        html.Element("h1", $"{run.Name}: predicting {q.Target}");
        html.Open("p", ("class", "question"));
        html.Text($"{run.Task} on {q.DataPath}: {Fmt.Int(q.Rows)} rows ({Fmt.Int(q.TrainRows)} train, ");
        if (q.ValRows > 0) html.Text($"{Fmt.Int(q.ValRows)} validation, ");
        html.Text($"{Fmt.Int(q.TestRows)} test)");
        if (q.ClassNames.Count > 0) html.Text($"; {q.ClassNames.Count} classes: {string.Join(", ", q.ClassNames.Take(20))}{(q.ClassNames.Count > 20 ? ", …" : "")}");
        if (q.TargetRange is not null) html.Text($"; target range {q.TargetRange}");
        html.Text(".").Close();
    }

    static void Verdict(HtmlWriter html, RunRecord run)
    {
        html.Element("h2", "Verdict on the test rows");
        if (run.Metrics.Count == 0)
        {
            html.Element("p", "No metrics.json in this folder: the run did not finish evaluating.");
            return;
        }
        html.Open("div", ("class", "verdict"));
        foreach (var m in run.Metrics)
        {
            html.Open("div", ("class", "metric"), ("data-metric", m.Key));
            html.Element("div", m.Label, ("class", "label"));
            html.Element("div", Fmt.Metric(m.Value), ("class", "value"));
            if (m.Baseline is double b) html.Element("div", $"constant baseline {Fmt.Metric(b)}", ("class", "base"));
            html.Close();
        }
        html.Close();
    }

    static void Curves(HtmlWriter html, RunRecord run)
    {
        html.Element("h2", "Training");
        var h = run.History;
        if (h.Count == 0)
        {
            html.Element("p", "No epoch completed: there is no curve to draw.");
            return;
        }
        bool two = h.ValAccuracy.Any(v => v is not null);
        html.Open("div", ("class", two ? "grid" : null));
        var loss = new List<Series> { new("train loss", h.TrainLoss, ReportStyle.Series[0]) };
        if (h.HasValidation) loss.Add(new Series("validation loss", h.ValLoss, ReportStyle.Series[1], Dashed: true));
        var c = run.Convergence;
        LineChart.Write(html, "Loss", "loss", loss, c?.SuggestedEpochs, c is null ? null : $"suggested: {c.SuggestedEpochs}",
            c is null ? null : $"Suggested epochs: {c.SuggestedEpochs}. {c.Reason.TrimEnd('.')}.");
        if (two)
            LineChart.Write(html, "Accuracy", "accuracy", [new Series("validation accuracy", h.ValAccuracy, ReportStyle.Series[2])]);
        html.Close();
    }
}
