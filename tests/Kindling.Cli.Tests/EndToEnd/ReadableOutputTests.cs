using System.Globalization;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Output for people: metrics.json writes apostrophes as text, predict's probabilities are plain decimals
/// that round-trip, inspect shows a run's settings as a rounded table.</summary>
[Collection(SeedRunCollection.Name)]
public sealed class ReadableOutputTests(SeedRunFixture seed)
{
    [Fact]
    public void MetricsJson_Apostrophes_AreWrittenAsText()
    {
        string text = File.ReadAllText(Path.Combine(seed.RunFolder, "metrics.json"));
        Assert.DoesNotContain("\\u0027", text, StringComparison.Ordinal);
        Assert.Contains("'", text, StringComparison.Ordinal);   // the seed's notes name classes: "class '3'"
        Assert.DoesNotContain("\\u0027", seed.Train.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Predict_Proba_WritesPlainDecimalsThatRoundTrip()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "predict", "--model", seed.RunFolder, "--data", seed.TestRowsWithoutTarget, "--proba");
        CliAssert.Success(r);
        var cells = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).SelectMany(l => l.Split(',').Skip(1)).ToList();
        Assert.Equal(229 * 6, cells.Count);
        Assert.All(cells, c =>
        {
            Assert.DoesNotContain("E", c, StringComparison.OrdinalIgnoreCase);
            float p = float.Parse(c, CultureInfo.InvariantCulture);
            Assert.Equal(c, p.ToString("R", CultureInfo.InvariantCulture).Contains('E', StringComparison.Ordinal) ? c : p.ToString("R", CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public void Inspect_RunFolder_ShowsSettingsAsATable()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "inspect", seed.RunFolder);
        CliAssert.Success(r);
        var lines = r.Stdout.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("setting ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("value", StringComparison.Ordinal));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^lr +0\.01$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^class_weight +-$"));
        Assert.DoesNotContain("{", r.Stdout, StringComparison.Ordinal);
    }
}
