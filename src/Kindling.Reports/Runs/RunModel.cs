using System.Globalization;
using System.Text.Json.Nodes;

namespace Kindling.Reports.Runs;

/// <summary>model.json's architecture, preprocessing and data schema, as rows a report can print.</summary>
static class RunModel
{
    public static List<string> Layers(JsonObject? architecture, out long parameters)
    {
        parameters = 0;
        var layers = new List<string>();
        if (architecture?["layers"] is not JsonArray array) return layers;
        foreach (var layer in array.OfType<JsonObject>())
        {
            string type = (string?)layer["type"] ?? "?";
            if (layer["in_features"] is JsonNode i && layer["out_features"] is JsonNode o)
            {
                long fanIn = (long)i, fanOut = (long)o;
                parameters += fanIn * fanOut + fanOut;   // weight (out, in) and bias (out)
                layers.Add($"{type}({fanIn} → {fanOut})");
            }
            else if (layer["p"] is JsonNode p)
            {
                layers.Add($"{type}(p={RunRecordReader.Show(p)})");
            }
            else
            {
                layers.Add(type);
            }
        }
        return layers;
    }

    public static List<KeyValuePair<string, string>> Preprocessing(JsonObject? p)
    {
        var rows = new List<KeyValuePair<string, string>>();
        if (p is null) return rows;
        var numeric = Strings(p["NumericColumns"]);
        var categorical = Strings(p["CategoricalColumns"]);
        var options = p["Options"] as JsonObject;
        if (Strings(options?["Drop"]) is { Count: > 0 } drop) rows.Add(new("dropped", string.Join(", ", drop)));
        rows.Add(new("numeric features", numeric.Count == 0 ? "none" : string.Join(", ", numeric)));
        if (categorical.Count > 0)
        {
            var categories = p["Categories"] as JsonArray;
            rows.Add(new("one-hot encoded", string.Join(", ", categorical.Select((c, j) =>
                categories?[j] is JsonArray values ? $"{c} ({values.Count} categories)" : c))));
        }
        var statistics = (p["ImputeStatistics"] as JsonArray)?.Select(v => v is null ? "" : RunRecordReader.Show(v)).ToList() ?? [];
        string impute = RunRecordReader.Show(options?["Impute"]).ToLowerInvariant();
        rows.Add(new("imputation", statistics.Count == numeric.Count && numeric.Count > 0
            ? $"{impute}: " + string.Join(", ", numeric.Select((c, j) => $"{c} = {statistics[j]}"))
            : impute));
        rows.Add(new("scaler", RunRecordReader.Show(options?["Scaler"])));
        return rows;
    }

    /// <summary>The columns model.json's <c>data.columns</c> describes, with their role (target, feature, dropped).</summary>
    public static List<SchemaColumn> Schema(JsonArray? columns, JsonObject model)
    {
        if (columns is null) return [];
        string target = (string?)model["target"] ?? "";
        var dropped = Strings(model["preprocessing"]?["Options"]?["Drop"]).ToHashSet();
        return columns.OfType<JsonObject>().Select(c =>
        {
            string name = (string?)c["name"] ?? "";
            string role = name == target ? "target" : dropped.Contains(name) ? "dropped" : "feature";
            return new SchemaColumn(name, (string?)c["type"] ?? "?", (int?)c["missing"] ?? 0, (int?)c["distinct"] ?? 0,
                (double?)c["min"], (double?)c["max"], role);
        }).ToList();
    }

    static List<string> Strings(JsonNode? node) =>
        (node as JsonArray)?.Select(v => v is null ? "" : RunRecordReader.Show(v)).ToList() ?? [];

    public static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
