using System.Security.Cryptography;
using System.Text.Json;

namespace Kindling.Data.Tests.Splits;

/// <summary>Loads the golden JSON written by tools/reference/random_fixtures.py (real scikit-learn 1.2).</summary>
internal static class SplitFixtures
{
    static readonly Dictionary<string, JsonElement> Cache = new();

    public static JsonElement Cases(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var root))
            {
                root = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoRoot(), "tools", "reference", "fixtures", name))).RootElement;
                Cache[name] = root;
            }
            return root.GetProperty("cases");
        }
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kindling.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Kindling.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A JSON number as scikit-learn saw it: an int is a count, a float (with '.' or 'e') a fraction.</summary>
    public static SplitSize? Size(JsonElement c, string key)
    {
        if (!c.TryGetProperty(key, out var v)) return null;
        var raw = v.GetRawText();
        return raw.Contains('.') || raw.Contains('e') ? SplitSize.FromFraction(v.GetDouble()) : SplitSize.FromCount(v.GetInt32());
    }

    /// <summary>Asserts an index list equals a fixture entry: inline values, or head + sha256 of int64 LE bytes.</summary>
    public static void AssertIndices(JsonElement expected, int[] actual, string what)
    {
        Assert.True(expected.GetProperty("n").GetInt32() == actual.Length, $"{what}: expected {expected.GetProperty("n").GetInt32()} indices, got {actual.Length}");
        if (expected.TryGetProperty("values", out var values))
        {
            Assert.Equal(values.EnumerateArray().Select(e => e.GetInt32()).ToArray(), actual);
            return;
        }
        var head = expected.GetProperty("head").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(head, actual[..head.Length]);
        var bytes = new byte[actual.Length * 8];
        for (int i = 0; i < actual.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(8 * i), (long)actual[i]);
        Assert.Equal(expected.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
