using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Kindling.Tests.Random;

/// <summary>Loads the golden JSON written by tools/reference/random_fixtures.py (real PyTorch / NumPy).</summary>
internal static class RandomFixtures
{
    static readonly Dictionary<string, JsonElement> Cache = new();

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

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kindling.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Kindling.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The torch case for one manual_seed value.</summary>
    public static JsonElement TorchSeed(long seed)
    {
        foreach (var c in Load("random_torch.json").GetProperty("seeds").EnumerateArray())
            if (c.GetProperty("seed").GetInt64() == seed) return c;
        throw new KeyNotFoundException($"no torch fixture for seed {seed}");
    }

    public static float[] F32(JsonElement hexArray) =>
        hexArray.EnumerateArray().Select(e => BitConverter.UInt32BitsToSingle(uint.Parse(e.GetString()!, NumberStyles.HexNumber))).ToArray();

    public static double[] F64(JsonElement hexArray) =>
        hexArray.EnumerateArray().Select(e => BitConverter.UInt64BitsToDouble(ulong.Parse(e.GetString()!, NumberStyles.HexNumber))).ToArray();

    public static long[] Longs(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    /// <summary>Asserts an index list equals a fixture entry: inline values, or head + sha256 of int64 LE bytes.</summary>
    public static void AssertIndices(JsonElement expected, ReadOnlySpan<long> actual, string what)
    {
        Assert.True(expected.GetProperty("n").GetInt32() == actual.Length, $"{what}: length {actual.Length}");
        if (expected.TryGetProperty("values", out var values))
        {
            Assert.Equal(Longs(values), actual.ToArray());
            return;
        }
        var head = Longs(expected.GetProperty("head"));
        Assert.Equal(head, actual[..head.Length].ToArray());
        var bytes = new byte[actual.Length * 8];
        for (int i = 0; i < actual.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(8 * i), actual[i]);
        Assert.True(BitConverter.IsLittleEndian);
        Assert.Equal(expected.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>Bitwise equality with the index of the first difference in the message.</summary>
    public static void AssertBits(float[] expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.SingleToUInt32Bits(expected[i]) != BitConverter.SingleToUInt32Bits(actual[i]))
                Assert.Fail($"{what}[{i}]: expected {expected[i]:R} (0x{BitConverter.SingleToUInt32Bits(expected[i]):x8}), got {actual[i]:R} (0x{BitConverter.SingleToUInt32Bits(actual[i]):x8})");
    }

    public static void AssertBits(double[] expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            if (BitConverter.DoubleToUInt64Bits(expected[i]) != BitConverter.DoubleToUInt64Bits(actual[i]))
                Assert.Fail($"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
