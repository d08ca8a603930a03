using System.CommandLine;
using System.Globalization;
using Kindling.Data;
using Spectre.Console;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling inspect</c>: the schema report of a CSV file, or the summary of a run folder.</summary>
static class InspectCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "A CSV file, 'wineqt', or a run folder." };
        var noHeader = CommonOptions.NoHeader();
        var command = new Command("inspect", "Describe a CSV file's columns, or summarise a run folder.") { path, noHeader };
        command.SetAction(parsed => Run(parsed.GetValue(path)!, parsed.GetValue(noHeader)));
        return command;
    }

    static int Run(string path, bool noHeader)
    {
        if (Directory.Exists(path)) return RunSummary(path);
        var frame = DataSource.Read(path, noHeader, fingerprint: false);
        Console.WriteLine($"{frame.Source}: {frame.RowCount} rows, {frame.ColumnCount} columns");
        var summaries = Schema.Describe(frame);
        string[] head = ["column", "type", "missing", "distinct", "min", "max", "mean", "top values"];
        var rows = summaries.Select(c => new[]
        {
            c.Name, c.Kind.ToString().ToLowerInvariant(), c.Missing.ToString(CultureInfo.InvariantCulture), c.Distinct.ToString(CultureInfo.InvariantCulture),
            G(c.Min), G(c.Max), G(c.Mean), string.Join(", ", c.Top.Select(t => $"{t.Value} ({t.Count})")),
        }).ToList();
        if (Terminal.IsRich)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns(head);
            foreach (var r in rows) table.AddRow(r.Select(Markup.Escape).ToArray());
            AnsiConsole.Write(table);
        }
        else
        {
            var widths = head.Select((h, j) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[j].Length))).ToArray();
            Console.WriteLine(string.Join("  ", head.Select((h, j) => h.PadRight(widths[j]))).TrimEnd());
            foreach (var r in rows) Console.WriteLine(string.Join("  ", r.Select((v, j) => v.PadRight(widths[j]))).TrimEnd());
        }
        return ExitCodes.Success;
    }

    static int RunSummary(string directory)
    {
        var saved = ModelLoader.Load(directory);
        var spec = saved.Spec;
        var data = saved.Data;
        var rows = new List<(string, string)>
        {
            ("run folder", Path.GetFullPath(directory)),
            ("model", $"{string.Join("-", new[] { spec.Inputs }.Concat(spec.Hidden).Append(spec.Classes))} {spec.Activation}"),
            ("target", saved.TargetScaler is { } scaler
                ? $"{saved.Target}: regression{(scaler.IsStandard ? $", standardised (mean {scaler.Mean:G6}, std {scaler.Scale:G6})" : "")}"
                : $"{saved.Target}: {string.Join(", ", saved.Labels.Classes)}"),
            ("features", string.Join(", ", saved.Preprocessor.FeatureNames)),
            ("data", $"{data["path"]} (sha256 {data["sha256"]})"),
            ("rows", $"{data["train_rows"]} train / {data["val_rows"]} validation / {data["test_rows"]} test"),
        };
        var metrics = Path.Combine(directory, "metrics.json");
        if (File.Exists(metrics))
        {
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(metrics));
                var root = doc.RootElement;
                rows.Add(("test metrics", string.Create(CultureInfo.InvariantCulture,
                    $"accuracy {root.GetProperty("accuracy").GetDouble():F4}, macro F1 {root.GetProperty("macro_average").GetProperty("f_score").GetDouble():F4}")));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new ModelFileException(metrics, $"unreadable metrics ({e.Message})", e);
            }
        }
        KeyValueTable.Write(rows);
        // The run's settings, one per row, as people write them (0.074, not 0.07400000000000001).
        KeyValueTable.Write(saved.Training.Select(kv => (kv.Key, KeyValueTable.Human(kv.Value))).ToList(), ("setting", "value"));
        return ExitCodes.Success;
    }

    static string G(double? v) => v is double d ? d.ToString("G6", CultureInfo.InvariantCulture) : "";
}
