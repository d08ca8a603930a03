namespace Kindling.Reports.Html;

/// <summary>The one style sheet of the report, the comparison and the live page: system fonts only (no download),
/// one column at 375 px, a grid on wide screens, colours with at least 4.5:1 contrast on white, and a print layout.</summary>
internal static class ReportStyle
{
    /// <summary>Series colours: Okabe and Ito's palette, told apart with colour-blindness (and each ≥ 3:1 on white).</summary>
    public static readonly string[] Series = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#8a6d00", "#56b4e9"];

    public const string Css = """
        :root { color-scheme: light; --ink: #1b1f24; --muted: #4a5561; --line: #d0d7de; --accent: #0b5394; --good: #e6f4ea; --soft: #f6f8fa; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
        main { max-width: 1180px; margin: 0 auto; padding: 16px; }
        h1 { font-size: 1.5rem; margin: 0 0 4px; overflow-wrap: anywhere; }
        h2 { font-size: 1.2rem; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 1rem; margin: 16px 0 6px; }
        p { margin: 6px 0; }
        .muted { color: var(--muted); }
        .question { overflow-wrap: anywhere; }
        .verdict { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 12px 0; }
        .metric { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--soft); }
        .metric .value { font-size: 1.7rem; font-weight: 700; font-variant-numeric: tabular-nums; }
        .metric .label, .metric .base { font-size: .85rem; color: var(--muted); }
        .grid { display: grid; grid-template-columns: 1fr; gap: 16px; }
        @media (min-width: 900px) { .grid { grid-template-columns: 1fr 1fr; } }
        figure { margin: 0; }
        figcaption { font-size: .9rem; color: var(--muted); }
        svg.chart { width: 100%; max-width: 760px; height: auto; display: block; }
        svg.chart text { font: 15px system-ui, sans-serif; fill: var(--muted); }
        img.figure { width: 100%; height: auto; border: 1px solid var(--line); }
        .legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: .9rem; }
        .swatch { display: inline-block; width: 14px; height: 4px; vertical-align: middle; margin-right: 6px; }
        .scroll { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; font-size: .9rem; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: right; vertical-align: top; }
        th { background: var(--soft); }
        th[scope=row], td.text { text-align: left; overflow-wrap: anywhere; }
        td.best { background: var(--good); font-weight: 700; }
        tr.differs th, tr.differs td { background: #fff4ce; }
        td .share { display: block; font-size: .8rem; color: var(--muted); white-space: nowrap; }
        th[scope=col]:first-child { text-align: left; }
        dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
        dl.kv dt { color: var(--muted); }
        dl.kv dd { margin: 0; overflow-wrap: anywhere; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; overflow-wrap: anywhere; }
        a { color: var(--accent); }
        .status { padding: 8px 12px; border-radius: 6px; background: var(--soft); border: 1px solid var(--line); }
        @media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } figure, table, .metric { break-inside: avoid; } a { color: inherit; } }
        """;
}
