using System.Text.Json;

namespace Kindling.Data.Tests;

/// <summary>Reads the scikit-learn golden values written by tools/reference/data_fixtures.py.</summary>
static class Fixtures
{
    static readonly Dictionary<string, JsonElement> Cache = [];

    internal static JsonElement Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var root))
                Cache[name] = root = JsonDocument.Parse(File.ReadAllText(RepoPaths.Fixture(name))).RootElement;
            return root;
        }
    }

    internal static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();

    internal static string[] Strings(this JsonElement e) => e.EnumerateArray().Select(v => v.GetString()!).ToArray();

    internal static long[] Longs(this JsonElement e) => e.EnumerateArray().Select(v => v.GetInt64()).ToArray();

    internal static double[,] Matrix(this JsonElement e)
    {
        var rows = e.EnumerateArray().Select(Doubles).ToArray();
        var m = new double[rows.Length, rows.Length == 0 ? 0 : rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
            for (int j = 0; j < rows[i].Length; j++) m[i, j] = rows[i][j];
        return m;
    }
}
