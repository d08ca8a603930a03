using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kindling.Training.Convergence;

namespace Kindling.Reports.Runs;

/// <summary>Reads a run folder (model.json, metrics.json, history.csv and its SVG figures) into a
/// <see cref="RunRecord"/>. JSON is read as nodes, not bound to types: a field another task or a later version adds
/// is ignored, one it lacks leaves its section empty.</summary>
public static class RunRecordReader
{
    /// <summary>The report's own file name, left out of the folder's file list.</summary>
    public const string ReportFile = "report.html";

    // The figures a report draws itself from the typed data; any other SVG in the folder is shown as it is.
    static readonly HashSet<string> DrawnFigures = ["loss.svg", "accuracy.svg", "confusion.svg"];
    static readonly Dictionary<string, string> Captions = new()
    {
        ["roc.svg"] = "ROC curve on the test rows",
        ["pr.svg"] = "Precision-recall curve on the test rows",
        ["pred_vs_actual.svg"] = "Predicted against actual target on the test rows",
        ["residuals.svg"] = "Residuals (actual − predicted) on the test rows",
    };

    /// <exception cref="InvalidDataException">The folder or one of its files is missing or unreadable; the message names it.</exception>
    public static RunRecord Read(string folder)
    {
        folder = Path.GetFullPath(folder);
        if (!Directory.Exists(folder)) throw new InvalidDataException($"{folder}: no such run folder");
        var model = ReadJson(Path.Combine(folder, "model.json"), required: true)!;
        var metrics = ReadJson(Path.Combine(folder, "metrics.json"), required: false);
        var history = ReadHistory(Path.Combine(folder, "history.csv"));
        try
        {
            var data = model["data"] as JsonObject ?? [];
            string task = (string?)model["task"] ?? (string?)model["training"]?["task"] ?? "classification";
            var classNames = (model["labels"]?["Classes"] as JsonArray)?.Select(c => (string?)c ?? "").ToList() ?? [];
            var question = new RunQuestion((string?)data["path"] ?? "?", (string?)data["sha256"], (string?)model["target"] ?? "?",
                Int(data["rows"]), Int(data["train_rows"]), Int(data["val_rows"]), Int(data["test_rows"]),
                task == "classification" ? classNames : [], (string?)data["target_range"]);
            var train = history.TrainLoss.Select(v => v ?? double.NaN).ToList();
            var val = history.ValLoss.Where(v => v is not null).Select(v => v!.Value).ToList();
            return new RunRecord
            {
                Folder = folder,
                Task = task,
                Question = question,
                Metrics = metrics is null ? [] : RunMetrics.Read(metrics, data["baseline"] as JsonObject),
                History = history,
                Convergence = history.Count > 0 ? ConvergenceDetector.Detect(train, val.Count == history.Count ? val : null) : null,
                Classes = metrics is null ? null : RunMetrics.ClassTable(metrics),
                Schema = RunModel.Schema(data["columns"] as JsonArray, model),
                Preprocessing = RunModel.Preprocessing(model["preprocessing"] as JsonObject),
                Layers = RunModel.Layers(model["architecture"] as JsonObject, out long parameters),
                ParameterCount = parameters,
                Options = (model["training"] as JsonObject ?? []).Select(p => KeyValuePair.Create(p.Key, Show(p.Value))).ToList(),
                KindlingVersion = (string?)model["kindling_version"] ?? "?",
                CreatedUtc = (string?)model["created_utc"] ?? "?",
                Files = FolderFiles(folder),
                Figures = ReadFigures(folder),
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            throw new InvalidDataException($"{Path.Combine(folder, "model.json")}: corrupted or incomplete ({e.Message})", e);
        }
    }

    /// <summary>A JSON value as one line of text: strings bare, null as "none".</summary>
    internal static string Show(JsonNode? value) => value switch
    {
        null => "none",
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v when v.TryGetValue(out double d) => d.ToString("G", CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    static int Int(JsonNode? node) => node is JsonValue v && v.TryGetValue(out int i) ? i : 0;

    static JsonObject? ReadJson(string path, bool required)
    {
        if (!File.Exists(path))
        {
            if (required) throw new InvalidDataException($"{path}: missing (is {Path.GetDirectoryName(path)} a folder written by 'kindling train'?)");
            return null;
        }
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException($"{path}: not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e);
        }
    }

    static RunHistory ReadHistory(string path)
    {
        var train = new List<double?>();
        var val = new List<double?>();
        var accuracy = new List<double?>();
        var seconds = new List<double>();
        if (!File.Exists(path)) return new RunHistory(train, val, accuracy, seconds);
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0) return new RunHistory(train, val, accuracy, seconds);
        var header = lines[0].Split(',').ToList();
        int Col(string name) => header.IndexOf(name);
        int t = Col("train_loss"), v = Col("val_loss"), a = Col("val_accuracy"), s = Col("seconds");
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            double? Cell(int j) => j >= 0 && j < cells.Length && double.TryParse(cells[j], NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : null;
            train.Add(Cell(t));
            val.Add(Cell(v));
            accuracy.Add(Cell(a));
            seconds.Add(Cell(s) ?? 0);
        }
        return new RunHistory(train, val, accuracy, seconds);
    }

    static List<string> FolderFiles(string folder) =>
        Directory.EnumerateFileSystemEntries(folder)
            .Select(p => Directory.Exists(p) ? Path.GetFileName(p) + "/" : Path.GetFileName(p))
            .Where(n => n != ReportFile && !n.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();

    static List<Figure> ReadFigures(string folder) =>
        Directory.EnumerateFiles(folder, "*.svg")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => !DrawnFigures.Contains(n) && !n.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(n => new Figure(n, Captions.GetValueOrDefault(n, n), File.ReadAllBytes(Path.Combine(folder, n))))
            .ToList();
}
