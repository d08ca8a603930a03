using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Kindling.Cli;

/// <summary>Two-column tables for people: a bordered table on a terminal, aligned plain text otherwise.</summary>
static class KeyValueTable
{
    /// <param name="rows">The rows.</param>
    /// <param name="headers">Column headings ("setting", "value"), or null for none.</param>
    public static void Write(IReadOnlyList<(string Key, string Value)> rows, (string Key, string Value)? headers = null)
    {
        if (Commands.Terminal.IsRich)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(Markup.Escape(headers?.Key ?? "")).AddColumn(Markup.Escape(headers?.Value ?? ""));
            if (headers is null) table.HideHeaders();
            foreach (var (k, v) in rows) table.AddRow(new Markup($"[bold]{Markup.Escape(k)}[/]"), new Text(v));
            AnsiConsole.Write(table);
            return;
        }
        var all = headers is { } h ? rows.Prepend(h).ToList() : rows;
        int width = all.Count == 0 ? 0 : all.Max(r => r.Key.Length);
        foreach (var (k, v) in all) Console.WriteLine($"{k.PadRight(width)}  {v}");
    }

    /// <summary>A setting's value as people write it: <c>0.074</c> (six significant digits, no exponent), not
    /// <c>0.07400000000000001</c>; <c>-</c> for none.</summary>
    public static string Human(JsonNode? value)
    {
        if (value is null) return "-";
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            double d = v.GetValue<double>();
            if (double.IsInteger(d) && Math.Abs(d) < 1e15) return d.ToString("0", CultureInfo.InvariantCulture);
            return PlainDecimal.Format(double.Parse(d.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }
        return value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
    }
}
