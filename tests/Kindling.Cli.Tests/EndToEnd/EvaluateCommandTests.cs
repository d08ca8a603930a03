namespace Kindling.Cli.Tests.EndToEnd;

/// <summary><c>kindling evaluate</c> on the seed run.</summary>
[Collection(SeedRunCollection.Name)]
public sealed class EvaluateCommandTests(SeedRunFixture seed)
{
    /// <summary>The test rows of WineQT.csv, with their quality column, optionally with one label replaced.</summary>
    string TestRowsWithTarget(TempFolder temp, string? firstLabel = null)
    {
        var lines = File.ReadAllLines(Repo.WineQtCsv);
        int q = Array.IndexOf(seed.Header, "quality");
        var rows = seed.TestRows.Select(r => lines[r + 1].Split(',')).ToArray();
        if (firstLabel is not null) rows[0][q] = firstLabel;
        var path = temp["test.csv"];
        File.WriteAllLines(path, new[] { lines[0] }.Concat(rows.Select(r => string.Join(',', r))));
        return path;
    }

    [Fact]
    public void Evaluate_TestRows_JsonAccuracyIs153Of229AsPyTorch()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "evaluate", "--model", seed.RunFolder, "--data", TestRowsWithTarget(temp), "--json", "--output", "m.json");
        CliAssert.Success(r);
        var json = CliAssert.SingleJsonObject(r);
        Assert.Equal(229, json.GetProperty("num_samples").GetInt32());
        Assert.Equal(153.0 / 229.0, json.GetProperty("accuracy").GetDouble(), 12);
        Assert.Equal(seed.Json.GetProperty("test_macro_f1").GetDouble(), json.GetProperty("macro_average").GetProperty("f_score").GetDouble(), 12);
        Assert.True(File.Exists(temp["m.json"]));
    }

    [Fact]
    public void Evaluate_WithoutJson_PrintsTheMetricsTable()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "evaluate", "--model", seed.RunFolder, "--data", TestRowsWithTarget(temp));
        CliAssert.Success(r);
        Assert.Contains("accuracy 0.6681", r.Stdout);
        Assert.Contains("precision", r.Stdout);
    }

    [Fact]
    public void Evaluate_UnseenLabel_ExitsTwoNamingIt()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "evaluate", "--model", seed.RunFolder, "--data", TestRowsWithTarget(temp, firstLabel: "9"));
        CliAssert.UserError(r, "'9'", "quality");
    }

    [Fact]
    public void Evaluate_OutputUnderAFile_ExitsTwoNamingIt()
    {
        using var temp = seed.Scratch();
        File.WriteAllText(temp["file"], "keep");
        var r = Cli.Run(temp.Path, "evaluate", "--model", seed.RunFolder, "--data", TestRowsWithTarget(temp), "--json", "--output", "file/m.json");
        CliAssert.UserError(r, "--output", "is a file, not a folder");
        Assert.Equal("keep", File.ReadAllText(temp["file"]));
    }

    [Fact]
    public void Evaluate_FileWithoutTarget_ExitsTwoNamingTheTarget()
    {
        using var temp = seed.Scratch();
        CliAssert.UserError(Cli.Run(temp.Path, "evaluate", "--model", seed.RunFolder, "--data", seed.TestRowsWithoutTarget), "quality");
    }
}
