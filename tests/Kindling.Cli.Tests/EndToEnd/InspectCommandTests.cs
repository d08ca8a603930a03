namespace Kindling.Cli.Tests.EndToEnd;

/// <summary><c>kindling inspect</c>: a CSV's schema, or a run folder's summary.</summary>
[Collection(SeedRunCollection.Name)]
public sealed class InspectCommandTests(SeedRunFixture seed)
{
    [Fact]
    public void Inspect_Csv_ReportsRowsColumnsAndTypes()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "inspect", Repo.WineQtCsv);
        CliAssert.Success(r);
        Assert.Contains("1143 rows, 13 columns", r.Stdout);
        var alcohol = r.Stdout.Split('\n').Single(l => l.StartsWith("alcohol", StringComparison.Ordinal));
        Assert.Contains("numeric", alcohol);
    }

    [Fact]
    public void Inspect_RunFolder_SummarisesModelTargetAndMetrics()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "inspect", seed.RunFolder);
        CliAssert.Success(r);
        Assert.Contains("11-16-16-6 relu", r.Stdout);
        Assert.Contains("quality: 3, 4, 5, 6, 7, 8", r.Stdout);
        Assert.Contains("accuracy 0.6681", r.Stdout);
    }

    [Fact]
    public void Inspect_MissingPath_ExitsTwoNamingIt()
    {
        using var temp = seed.Scratch();
        CliAssert.UserError(Cli.Run(temp.Path, "inspect", "no-such-file.csv"), "no-such-file.csv");
    }
}
