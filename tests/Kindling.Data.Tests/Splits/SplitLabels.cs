using System.Globalization;

namespace Kindling.Data.Tests.Splits;

/// <summary>The label recipes of tools/reference/random_fixtures.py (`labels`), rebuilt in C#.</summary>
internal static class SplitLabels
{
    public static int[] Make(string name, int n) => name switch
    {
        "mod3" => Enumerable.Range(0, n).Select(i => i % 3).ToArray(),
        "imbalanced" => Enumerable.Range(0, n).Select(i => (i * 7) % 10 < 2 ? 1 : 0).ToArray(),
        "hash5" => Enumerable.Range(0, n).Select(i => (int)((ulong)i * 2654435761UL % 4294967296UL % 11 % 5)).ToArray(),
        "blocks" => Enumerable.Range(0, n).Select(i => i < n / 2 ? 0 : i < n * 8 / 10 ? 1 : 2).ToArray(),
        "wine" => WineQuality(n),
        _ => throw new ArgumentException($"unknown label recipe '{name}'", nameof(name)),
    };

    /// <summary>The quality column of data/WineQT.csv.</summary>
    static int[] WineQuality(int n)
    {
        var lines = File.ReadAllLines(Path.Combine(SplitFixtures.RepoRoot(), "data", "WineQT.csv"));
        int column = Array.IndexOf(lines[0].Split(','), "quality");
        var quality = lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => int.Parse(l.Split(',')[column], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(n, quality.Length);
        return quality;
    }
}
