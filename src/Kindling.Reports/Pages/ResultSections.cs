using Kindling.Reports.Html;
using Kindling.Reports.Runs;

namespace Kindling.Reports.Pages;

/// <summary>The test results in detail: the confusion matrix (counts and row shares) and the per-class table for a
/// classifier, then any other figure the folder holds (ROC, PR, predicted-vs-actual, residuals).</summary>
internal static class ResultSections
{
    public static void Write(HtmlWriter html, RunRecord run)
    {
        if (run.Classes is { } classes)
        {
            html.Element("h2", "Confusion matrix");
            html.Element("p", "Rows are the true class, columns the predicted one; each cell gives the count and its share of the row.", ("class", "muted"));
            Confusion(html, classes);
            html.Element("h2", "Per class");
            PerClass(html, classes);
        }
        if (run.Figures.Count > 0)
        {
            html.Element("h2", "Figures");
            html.Open("div", ("class", "grid"));
            foreach (var f in run.Figures)
            {
                html.Open("figure");
                html.Open("img", ("class", "figure"), ("alt", f.Caption), ("src", "data:image/svg+xml;base64," + Convert.ToBase64String(f.Svg)));
                html.Element("figcaption", $"{f.Caption} ({f.File})");
                html.Close();
            }
            html.Close();
        }
    }

    static void Confusion(HtmlWriter html, ClassTable t)
    {
        html.Open("div", ("class", "scroll")).Open("table", ("id", "confusion"));
        html.Element("caption", "Confusion matrix on the test rows", ("class", "muted"));
        html.Open("thead").Open("tr").Element("th", "true \\ predicted", ("scope", "col"));
        foreach (var name in t.Names) html.Element("th", name, ("scope", "col"));
        html.Close().Close().Open("tbody");
        for (int i = 0; i < t.Confusion.Length; i++)
        {
            var row = t.Confusion[i];
            double total = row.Sum();
            html.Open("tr").Element("th", i < t.Names.Count ? t.Names[i] : "?", ("scope", "row"));
            for (int j = 0; j < row.Length; j++)
            {
                html.Open("td", ("class", i == j && row[j] > 0 ? "best" : null)).Text(Fmt.Int(row[j]));
                if (total > 0) html.Element("span", Fmt.Share(row[j] / total), ("class", "share"));
                html.Close();
            }
            html.Close();
        }
        html.Close().Close().Close();
    }

    static void PerClass(HtmlWriter html, ClassTable t)
    {
        bool auc = t.PerClass.Any(r => r.RocAuc is not null);
        html.Open("div", ("class", "scroll")).Open("table", ("id", "per-class"));
        html.Open("thead").Open("tr");
        foreach (var head in new[] { "class", "precision", "recall", "F1", "support", "predicted" }.Concat(auc ? ["ROC AUC"] : []))
            html.Element("th", head, ("scope", "col"));
        html.Close().Close().Open("tbody");
        foreach (var r in t.PerClass)
        {
            html.Open("tr").Element("th", r.Name, ("scope", "row"));
            html.Element("td", Fmt.Metric(r.Precision)).Element("td", Fmt.Metric(r.Recall)).Element("td", Fmt.Metric(r.F1));
            html.Element("td", Fmt.Int(r.Support)).Element("td", Fmt.Int(r.Predicted));
            if (auc) html.Element("td", r.RocAuc is double a ? Fmt.Metric(a) : "–");
            html.Close();
        }
        html.Close().Close().Close();
    }
}
