using System.Text.Json;

namespace Kindling.Tests.TestSupport;

/// <summary>
/// Loads golden JSON fixtures written by the scripts in <c>tools/reference/</c> (real PyTorch/NumPy/scikit-learn).
/// </summary>
/// <remarks>
/// Usage from any test project: <c>var root = Fixture.Load("ops.json");</c> then walk the <see cref="JsonElement"/>,
/// converting arrays with <see cref="Floats"/>, <see cref="Doubles"/>, <see cref="Longs"/> and <see cref="Ints"/>.
/// Paths are relative to <c>tools/reference/fixtures/</c>; the repository root is found by walking up from the test
/// assembly's directory to the folder that holds <c>Kindling.slnx</c>, so tests run from any working directory.
/// Numbers in fixtures are JSON numbers written by Python's repr (shortest round-trip) or strings "nan", "inf", "-inf".
/// </remarks>
internal static class Fixture
{
    private static readonly Lazy<string> s_root = new(FindRepositoryRoot);

    /// <summary>The repository root (the directory containing Kindling.slnx).</summary>
    public static string RepositoryRoot => s_root.Value;

    /// <summary>Absolute path of a file under <c>tools/reference/fixtures/</c>.</summary>
    public static string PathOf(string relativePath) => Path.Combine(RepositoryRoot, "tools", "reference", "fixtures", relativePath);

    /// <summary>Parses a fixture file; the returned element stays valid for the test run (documents are cached).</summary>
    public static JsonElement Load(string relativePath)
    {
        lock (s_cache)
        {
            if (!s_cache.TryGetValue(relativePath, out var doc))
            {
                var path = PathOf(relativePath);
                if (!File.Exists(path))
                    throw new FileNotFoundException($"Fixture {path} is missing; regenerate it with the script in tools/reference/.", path);
                doc = JsonDocument.Parse(File.ReadAllText(path));
                s_cache[relativePath] = doc;
            }
            return doc.RootElement;
        }
    }

    private static readonly Dictionary<string, JsonDocument> s_cache = new();

    /// <summary>A (possibly nested) JSON array of numbers, flattened row-major, as doubles.</summary>
    public static double[] Doubles(JsonElement e)
    {
        var list = new List<double>();
        Flatten(e, list);
        return list.ToArray();
    }

    /// <summary>As <see cref="Doubles"/>, rounded to float.</summary>
    public static float[] Floats(JsonElement e) => Array.ConvertAll(Doubles(e), v => (float)v);

    /// <summary>A flattened JSON array of integers.</summary>
    public static long[] Longs(JsonElement e) => Array.ConvertAll(Doubles(e), v => (long)v);

    /// <summary>A flat JSON array of ints (e.g. a shape).</summary>
    public static int[] Ints(JsonElement e) => Array.ConvertAll(Doubles(e), v => (int)v);

    private static void Flatten(JsonElement e, List<double> into)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray()) Flatten(item, into);
                break;
            case JsonValueKind.Number:
                into.Add(e.GetDouble());
                break;
            case JsonValueKind.True:
                into.Add(1);
                break;
            case JsonValueKind.False:
                into.Add(0);
                break;
            case JsonValueKind.String:
                into.Add(e.GetString() switch
                {
                    "nan" => double.NaN,
                    "inf" => double.PositiveInfinity,
                    "-inf" => double.NegativeInfinity,
                    var s => throw new FormatException($"unexpected string '{s}' in a numeric fixture array"),
                });
                break;
            default:
                throw new FormatException($"unexpected JSON {e.ValueKind} in a numeric fixture array");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kindling.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Kindling.slnx above {AppContext.BaseDirectory}.");
    }
}
