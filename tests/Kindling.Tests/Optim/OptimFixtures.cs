using System.Text.Json;

namespace Kindling.Tests.Optim;

/// <summary>Loads the golden JSON written by tools/reference/optim_fixtures.py (real PyTorch 1.13).</summary>
internal static class OptimFixtures
{
    private static readonly Dictionary<string, JsonElement> Cache = [];

    public static JsonElement Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var root))
            {
                var path = Path.Combine(RepoRoot(), "tools", "reference", "fixtures", name);
                root = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;
                Cache[name] = root;
            }
            return root;
        }
    }

    public static JsonElement Case(string file, string name)
    {
        foreach (var c in Load(file).GetProperty("cases").EnumerateArray())
            if (c.GetProperty("name").GetString() == name) return c;
        throw new KeyNotFoundException($"no case '{name}' in {file}");
    }

    public static IEnumerable<object[]> CaseNames(string file, string? kind = null, string kindProperty = "scheduler")
    {
        foreach (var c in Load(file).GetProperty("cases").EnumerateArray())
            if (kind is null || c.GetProperty(kindProperty).GetString() == kind)
                yield return [c.GetProperty("name").GetString()!];
    }

    /// <summary>float32 values written by Python's repr of their exact double: the cast back is exact.</summary>
    public static float[] F32(JsonElement array) => [.. array.EnumerateArray().Select(e => (float)e.GetDouble())];

    public static double[] F64(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    public static int[] Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kindling.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Kindling.slnx not found above " + AppContext.BaseDirectory);
    }
}
