using System.Globalization;
using System.Text;
using Kindling.Reports.Html;

namespace Kindling.Reports.Charts;

/// <summary>One curve of a chart: a value per epoch (null or non-finite where there is none, which breaks the line).</summary>
internal sealed record Series(string Name, IReadOnlyList<double?> Values, string Color, bool Dashed = false);

/// <summary>Per-epoch curves drawn as inline SVG (text escaped by <see cref="HtmlWriter"/>): the report's loss and
/// accuracy plots, the comparison's overlaid runs, the live page's growing curves. It scales with the page (viewBox).</summary>
internal static class LineChart
{
    const double Width = 640, Height = 300, Left = 56, Right = 16, Top = 12, Bottom = 40;

    // marker: an epoch to mark with a vertical line (the suggested epoch), or null.
    public static void Write(HtmlWriter html, string title, string yLabel, IReadOnlyList<Series> series, int? marker = null,
        string? markerLabel = null, string? caption = null)
    {
        var points = series.SelectMany(s => s.Values).Where(v => v is double d && double.IsFinite(d)).Select(v => v!.Value).ToList();
        int epochs = Math.Max(1, series.Count == 0 ? 1 : series.Max(s => s.Values.Count));
        double lo = points.Count > 0 ? points.Min() : 0, hi = points.Count > 0 ? points.Max() : 1;
        if (hi - lo < 1e-12) { lo -= 0.5; hi += 0.5; }
        var ticks = NiceTicks(lo, hi);
        lo = Math.Min(lo, ticks[0]);
        hi = Math.Max(hi, ticks[^1]);
        double X(double epoch) => Left + (epochs == 1 ? 0.5 : (epoch - 1) / (epochs - 1)) * (Width - Left - Right);
        double Y(double v) => Top + (hi - v) / (hi - lo) * (Height - Top - Bottom);

        string id = "chart-" + string.Concat(title.Where(char.IsAsciiLetterOrDigit)).ToLowerInvariant();
        html.Open("figure");
        html.Open("svg", ("class", "chart"), ("viewBox", $"0 0 {Width} {Height}"), ("role", "img"), ("aria-labelledby", id),
            ("xmlns", "http://www.w3.org/2000/svg"));
        html.Element("title", $"{title}: {Describe(series)}", ("id", id));
        foreach (var t in ticks)
        {
            html.Open("line", ("x1", N(Left)), ("x2", N(Width - Right)), ("y1", N(Y(t))), ("y2", N(Y(t))), ("stroke", "#e1e4e8")).Close();
            html.Element("text", Tick(t), ("x", N(Left - 6)), ("y", N(Y(t) + 4)), ("text-anchor", "end"));
        }
        foreach (int e in EpochTicks(epochs))
            html.Element("text", e.ToString(CultureInfo.InvariantCulture), ("x", N(X(e))), ("y", N(Height - Bottom + 16)), ("text-anchor", "middle"));
        html.Element("text", "epoch", ("x", N((Left + Width - Right) / 2)), ("y", N(Height - 6)), ("text-anchor", "middle"));
        html.Element("text", yLabel, ("x", "12"), ("y", N(Top + (Height - Top - Bottom) / 2)), ("text-anchor", "middle"),
            ("transform", $"rotate(-90 12 {N(Top + (Height - Top - Bottom) / 2)})"));
        html.Open("line", ("x1", N(Left)), ("x2", N(Left)), ("y1", N(Top)), ("y2", N(Height - Bottom)), ("stroke", "#6a737d")).Close();
        html.Open("line", ("x1", N(Left)), ("x2", N(Width - Right)), ("y1", N(Height - Bottom)), ("y2", N(Height - Bottom)), ("stroke", "#6a737d")).Close();
        if (marker is int m && m >= 1 && m <= epochs)
        {
            html.Open("line", ("x1", N(X(m))), ("x2", N(X(m))), ("y1", N(Top)), ("y2", N(Height - Bottom)), ("stroke", "#4a5561"),
                ("stroke-dasharray", "4 4"), ("class", "marker")).Close();
            html.Element("text", markerLabel ?? $"epoch {m}", ("x", N(X(m) + 4)), ("y", N(Top + 12)));
        }
        foreach (var s in series)
        {
            foreach (var run in Runs(s.Values))
            {
                var path = new StringBuilder();
                foreach (int i in run) path.Append(CultureInfo.InvariantCulture, $"{N(X(i + 1))},{N(Y(s.Values[i]!.Value))} ");
                html.Open("polyline", ("points", path.ToString().TrimEnd()), ("fill", "none"), ("stroke", s.Color), ("stroke-width", "2"),
                    ("stroke-dasharray", s.Dashed ? "6 4" : null), ("data-series", s.Name)).Close();
            }
        }
        html.Close();   // svg
        html.Open("ul", ("class", "legend"));
        foreach (var s in series)
        {
            html.Open("li").Open("span", ("class", "swatch"), ("style", $"background:{s.Color}"), ("aria-hidden", "true")).Close()
                .Text(s.Name + (s.Dashed ? " (dashed)" : "")).Close();
        }
        html.Close();
        if (caption is not null) html.Element("figcaption", caption);
        html.Close();   // figure
    }

    /// <summary>The alt text: each curve's first and last value, so a screen reader hears the trend.</summary>
    static string Describe(IReadOnlyList<Series> series) => string.Join("; ", series.Select(s =>
    {
        var finite = s.Values.Where(v => v is double d && double.IsFinite(d)).ToList();
        return finite.Count == 0 ? $"{s.Name}: no values"
            : $"{s.Name} from {Tick(finite[0]!.Value)} to {Tick(finite[^1]!.Value)} over {s.Values.Count} epochs";
    }));

    // Indices of consecutive finite values: a gap (missing or diverged epoch) starts a new line.
    static IEnumerable<List<int>> Runs(IReadOnlyList<double?> values)
    {
        var run = new List<int>();
        for (int i = 0; i < values.Count; i++)
        {
            if (values[i] is double d && double.IsFinite(d)) { run.Add(i); continue; }
            if (run.Count > 0) yield return run;
            run = [];
        }
        if (run.Count > 0) yield return run;
    }

    static double[] NiceTicks(double lo, double hi)
    {
        double raw = (hi - lo) / 4, magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 2.5, 5, 10 }.Select(f => f * magnitude).First(s => s >= raw);
        double first = Math.Floor(lo / step) * step;
        var ticks = new List<double>();
        for (double t = first; t <= hi + step * 0.999; t += step) ticks.Add(Math.Round(t / step) * step);
        return [.. ticks];
    }

    static IEnumerable<int> EpochTicks(int epochs)
    {
        if (epochs <= 10) return Enumerable.Range(1, epochs);
        int step = (int)NiceTicks(0, epochs)[1];
        return new[] { 1 }.Concat(Enumerable.Range(1, epochs / Math.Max(1, step)).Select(k => k * step)).Where(e => e <= epochs).Distinct();
    }

    static string Tick(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
    static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
