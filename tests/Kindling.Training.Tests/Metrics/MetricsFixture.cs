using System.Text.Json;

namespace Kindling.Training.Tests.Metrics;

/// <summary>tools/reference/fixtures/metrics.json, written by tools/reference/metrics_fixtures.py (scikit-learn 1.2).</summary>
internal static class MetricsFixture
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(FixturePaths.Fixture("metrics.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static IEnumerable<JsonElement> Cases => Root.GetProperty("cases").EnumerateArray();

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (JsonElement c in Cases)
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    public static FixtureCase Case(string name) =>
        new(Cases.Single(c => c.GetProperty("name").GetString() == name));
}

/// <summary>One scikit-learn case: labels, probabilities and every expected metric.</summary>
internal sealed class FixtureCase(JsonElement e)
{
    public JsonElement Json { get; } = e;

    public int NumClasses => Json.GetProperty("num_classes").GetInt32();

    public int[] YTrue => Ints(Json.GetProperty("y_true"));

    public int[] YPred => Ints(Json.GetProperty("y_pred"));

    public double[,] Proba => Matrix(Doubles(Json.GetProperty("proba")), NumClasses);

    public float[,] Proba32
    {
        get
        {
            double[,] d = Matrix(Doubles(Json.GetProperty("proba_float32")), NumClasses);
            var f = new float[d.GetLength(0), d.GetLength(1)];
            for (int i = 0; i < d.GetLength(0); i++)
            {
                for (int j = 0; j < d.GetLength(1); j++)
                {
                    f[i, j] = (float)d[i, j];
                }
            }

            return f;
        }
    }

    public JsonElement this[string key] => Json.GetProperty(key);

    /// <summary>The "value" of a call(...) result, or null when scikit-learn raised.</summary>
    public static double? Value(JsonElement result) =>
        result.TryGetProperty("error", out _) ? null : result.GetProperty("value").GetDouble();

    public static bool HasWarning(JsonElement result, string fragment) =>
        result.TryGetProperty("undefined_warnings", out JsonElement w)
        && w.EnumerateArray().Any(m => m.GetString()!.Contains(fragment, StringComparison.Ordinal));

    public static int[] Ints(JsonElement a) => a.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static double[] Doubles(JsonElement a) => a.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static double[,] Matrix(double[] flat, int columns)
    {
        var m = new double[flat.Length / columns, columns];
        for (int i = 0; i < flat.Length; i++)
        {
            m[i / columns, i % columns] = flat[i];
        }

        return m;
    }
}
