using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>The file: 200,000 rows with a text column of 100,000 distinct values (and one of 500 ordinary
/// categories), written once for the class.</summary>
public sealed class HighCardinalityFile : IDisposable
{
    readonly TempFolder _temp = new();

    public HighCardinalityFile()
    {
        var rng = new System.Random(15);
        var csv = new StringBuilder("a,b,city,shop,target\n");
        for (int i = 0; i < 200_000; i++)
            csv.Append(CultureInfo.InvariantCulture, $"{rng.NextDouble():F4},{rng.NextDouble():F4},c{i % 100_000},s{rng.Next(500)},{rng.Next(3)}\n");
        File.WriteAllText(Path, csv.ToString());
    }

    public string Path => _temp["wide-categories.csv"];

    internal TempFolder Scratch() => new();

    public void Dispose() => _temp.Dispose();
}

/// <summary>Cardinality under control (issue 15, item 1): an identifier-like column is left out with a warning, one
/// the user insists on is capped as OneHotEncoder(max_categories=100), and an uncapped one is refused before any
/// large allocation, with a message naming the column and the remedy. Never an overflow, never exit 1.</summary>
public sealed class HighCardinalityTests(HighCardinalityFile file) : IClassFixture<HighCardinalityFile>
{
    const long OneGigabyte = 1L << 30;

    [Fact]
    public void Train_100kDistinctTextColumn_LeftOutWithWarningInBoundedMemory()
    {
        using var temp = file.Scratch();
        var (r, peak) = PeakMemory.Run(temp.Path, "train", "--data", file.Path, "--target", "target", "--epochs", "2", "--out", "run");
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("left out text column 'city': 100,000 distinct values in 200,000 rows, like an identifier", r.Stdout + r.Stderr);
        Assert.Contains("--categorical city", r.Stdout + r.Stderr);
        if (peak is long bytes) Assert.True(bytes < OneGigabyte, $"peak RSS {bytes >> 20} MB");
        // 2 numbers + shop's 500 categories capped at 100 features (99 + infrequent).
        using var model = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(temp["run"], "model.json")));
        Assert.Equal(102, model.RootElement.GetProperty("architecture").GetProperty("inputs").GetInt32());
    }

    [Fact]
    public void Train_100kDistinctColumnNamedCategorical_GroupedIntoMaxCategoriesInBoundedMemory()
    {
        using var temp = file.Scratch();
        var (r, peak) = PeakMemory.Run(temp.Path, "train", "--data", file.Path, "--target", "target", "--categorical", "city",
            "--epochs", "1", "--max-categories", "50", "--json", "--out", "run");
        Assert.True(r.ExitCode == 0, r.ToString());
        if (peak is long bytes) Assert.True(bytes < OneGigabyte, $"peak RSS {bytes >> 20} MB");
        using var model = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(temp["run"], "model.json")));
        Assert.Equal(2 + 50 + 50, model.RootElement.GetProperty("architecture").GetProperty("inputs").GetInt32());
        // The rare cities are not stored: only the 49 kept per column, so model.json stays small.
        Assert.Equal(49, model.RootElement.GetProperty("preprocessing").GetProperty("categories")[0].GetArrayLength());
    }

    [Fact]
    public void Train_UncappedHugeOneHot_RefusedNamingColumnAndRemedy()
    {
        using var temp = file.Scratch();
        var (r, peak) = PeakMemory.Run(temp.Path, "train", "--data", file.Path, "--target", "target", "--categorical", "city",
            "--max-categories", "0", "--out", "run");
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("column 'city' alone is one-hot encoded into", r.Stderr);
        Assert.Contains("--max-categories", r.Stderr);
        Assert.Contains("--drop city", r.Stderr);
        Assert.DoesNotContain("overflow", r.Stderr);
        Assert.False(Directory.Exists(temp["run"]));
        if (peak is long bytes) Assert.True(bytes < OneGigabyte, $"peak RSS {bytes >> 20} MB");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-3")]
    public void Train_BadMaxCategories_Exit2(string value)
    {
        using var temp = file.Scratch();
        var r = Cli.Run(temp.Path, "train", "--max-categories", value);
        Assert.True(r.ExitCode == 2, r.ToString());
        Assert.Contains("--max-categories", r.Stderr);
    }
}
