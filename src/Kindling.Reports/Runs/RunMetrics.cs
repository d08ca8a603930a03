using System.Text.Json.Nodes;

namespace Kindling.Reports.Runs;

/// <summary>The test metrics of metrics.json, read by name: a classifier's (accuracy, macro F1, ...) or a
/// regressor's (R², MAE, ...), whichever the file holds, each beside the constant baseline model.json records.</summary>
static class RunMetrics
{
    // (key in the report and in data.baseline, path in metrics.json, label, higher is better)
    static readonly (string Key, string[] Path, string Label, bool Higher)[] Known =
    [
        ("accuracy", ["accuracy"], "Test accuracy", true),
        ("macro_f1", ["macro_average", "f_score"], "Macro F1", true),
        ("balanced_accuracy", ["balanced_accuracy"], "Balanced accuracy", true),
        ("log_loss", ["log_loss"], "Log loss", false),
        ("roc_auc", ["roc_auc_macro"], "ROC AUC (macro)", true),
        ("r2", ["r2"], "R²", true),
        ("mae", ["mae"], "MAE", false),
        ("rmse", ["rmse"], "RMSE", false),
    ];

    public static List<MetricValue> Read(JsonObject metrics, JsonObject? baseline)
    {
        var values = new List<MetricValue>();
        foreach (var (key, path, label, higher) in Known)
        {
            if (Number(Walk(metrics, path)) is not double value) continue;
            values.Add(new MetricValue(key, label, value, Number(baseline?[key]), higher));
        }
        return values;
    }

    public static ClassTable? ClassTable(JsonObject metrics)
    {
        if (metrics["per_class"] is not JsonArray rows || metrics["confusion_matrix"] is not JsonArray matrix) return null;
        var names = (metrics["class_names"] as JsonArray)?.Select(n => (string?)n ?? "").ToList() ?? [];
        var perClass = rows.OfType<JsonObject>().Select(r => new ClassScores((string?)r["name"] ?? "",
            Number(r["precision"]) ?? double.NaN, Number(r["recall"]) ?? double.NaN, Number(r["f1"]) ?? double.NaN,
            (int?)Number(r["support"]) ?? 0, (int?)Number(r["predicted"]) ?? 0, Number(r["roc_auc"]))).ToList();
        var confusion = matrix.OfType<JsonArray>().Select(row => row.Select(c => (int?)Number(c) ?? 0).ToArray()).ToArray();
        // Past ManyClasses.Threshold the matrix keeps a subset of the classes, listed by index.
        if (metrics["confusion_matrix_labels"] is JsonArray kept)
            names = kept.Select(k => (int?)Number(k) is int i && i >= 0 && i < names.Count ? names[i] : "?").ToList();
        return new ClassTable(names, confusion, perClass);
    }

    static JsonNode? Walk(JsonObject root, string[] path)
    {
        JsonNode? node = root;
        foreach (var step in path) node = node is JsonObject o ? o[step] : null;
        return node;
    }

    static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue(out double d) ? d : null;
}
