using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.Training.Metrics;

namespace Kindling.Reports.Runs;

/// <summary>What a report needs that the run folder would otherwise lose with the frame: the data's schema and
/// what a constant model scores. Training stores both in model.json's <c>data</c> section.</summary>
public static class RunFacts
{
    /// <summary>One object per column: name, type, missing, distinct, min and max (numeric columns).</summary>
    public static JsonArray Columns(Frame frame)
    {
        var columns = new JsonArray();
        foreach (var c in Schema.Describe(frame))
        {
            columns.Add((JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Kind.ToString().ToLowerInvariant(),
                ["missing"] = c.Missing,
                ["distinct"] = c.Distinct,
                ["min"] = Finite(c.Min),
                ["max"] = Finite(c.Max),
            });
        }
        return columns;
    }

    /// <summary>scikit-learn's <c>DummyClassifier(strategy="most_frequent")</c>: fitted on the training rows (ties to the
    /// lowest class, as its argmax), scored on the test rows with the same definitions as the model's metrics.</summary>
    /// <returns>Null for fewer than two classes or no test rows.</returns>
    public static JsonObject? MostFrequentBaseline(long[] y, int[] trainRows, int[] testRows, IReadOnlyList<string> classNames)
    {
        if (classNames.Count < 2 || testRows.Length == 0) return null;
        var counts = new int[classNames.Count];
        foreach (int r in trainRows) counts[y[r]]++;
        int constant = Array.IndexOf(counts, counts.Max());
        int[] yTrue = testRows.Select(r => (int)y[r]).ToArray();
        int[] yPred = new int[yTrue.Length];
        Array.Fill(yPred, constant);
        var report = ClassificationReport.Create(yTrue, yPred, classNames.Count, zeroDivision: ZeroDivision.Zero);
        return new JsonObject
        {
            ["strategy"] = "most_frequent",
            ["class"] = classNames[constant],
            ["accuracy"] = report.Accuracy,
            ["macro_f1"] = report.MacroAverage.FScore,
            ["balanced_accuracy"] = report.BalancedAccuracy,
        };
    }

    static double? Finite(double? v) => v is double d && double.IsFinite(d) ? d : null;
}
