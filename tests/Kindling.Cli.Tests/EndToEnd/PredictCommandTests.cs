namespace Kindling.Cli.Tests.EndToEnd;

/// <summary><c>kindling predict</c> on the seed run: labels in their original form, probabilities, an id column,
/// and files without the target column.</summary>
[Collection(SeedRunCollection.Name)]
public sealed class PredictCommandTests(SeedRunFixture seed)
{
    static readonly string[] Classes = ["3", "4", "5", "6", "7", "8"];

    [Fact]
    public void Predict_TestRowsWithoutTarget_Gives153CorrectLabelsInOriginalFormAsPyTorch()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "predict", "--model", seed.RunFolder, "--data", seed.TestRowsWithoutTarget, "--id-column", "Id", "--proba", "--output", "preds.csv");
        CliAssert.Success(r);
        var preds = RawCsv.Read(temp["preds.csv"]);
        Assert.Equal(["Id", "quality", .. Classes.Select(c => $"proba_{c}")], preds.Header);
        Assert.Equal(RawCsv.Read(seed.TestRowsWithoutTarget).Column("Id"), preds.Column("Id"));
        var labels = preds.Column("quality");
        Assert.All(labels, l => Assert.Contains(l, Classes)); // "5", not the class index 2
        // seed_program.py: 153 of the 229 test rows right (tools/reference/fixtures/seed_curve.json).
        Assert.Equal(Repo.Fixture("seed_curve.json").GetProperty("test_correct").GetInt32(), labels.Zip(seed.TestLabels).Count(p => p.First == p.Second));
        Assert.All(preds.Probabilities(Classes), row => Assert.Equal(1.0, row.Sum(), 5));
    }

    [Fact]
    public void Predict_WithoutOutput_WritesCsvToStdout()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "predict", "--model", seed.RunFolder, "--data", seed.TestRowsWithoutTarget);
        CliAssert.Success(r);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("quality", lines[0]);
        Assert.Equal(seed.TestRows.Length + 1, lines.Length);
    }

    [Fact]
    public void Predict_UnknownIdColumn_ExitsTwoListingColumns()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "predict", "--model", seed.RunFolder, "--data", seed.TestRowsWithoutTarget, "--id-column", "Nope", "--output", "p.csv");
        CliAssert.UserError(r, "--id-column", "Nope", "fixed acidity");
        Assert.False(File.Exists(temp["p.csv"]));
    }

    [Fact]
    public void Predict_MissingFeatureColumn_ExitsTwoNamingIt()
    {
        using var temp = seed.Scratch();
        var csv = RawCsv.Read(seed.TestRowsWithoutTarget);
        int alcohol = Array.IndexOf(csv.Header, "alcohol");
        File.WriteAllLines(temp["x.csv"], new[] { csv.Header }.Concat(csv.Rows).Select(r => string.Join(',', r.Where((_, j) => j != alcohol))));
        CliAssert.UserError(Cli.Run(temp.Path, "predict", "--model", seed.RunFolder, "--data", "x.csv"), "the model needs column 'alcohol', which x.csv lacks");
    }

    [Fact]
    public void Predict_MissingDataFile_ExitsTwoNamingIt()
    {
        using var temp = seed.Scratch();
        CliAssert.UserError(Cli.Run(temp.Path, "predict", "--model", seed.RunFolder, "--data", "nowhere.csv"), "nowhere.csv");
    }

    [Fact]
    public void Predict_OutputUnderAFile_ExitsTwoAndWritesNothing()
    {
        using var temp = seed.Scratch();
        File.WriteAllText(temp["file"], "not a folder");
        var r = Cli.Run(temp.Path, "predict", "--model", seed.RunFolder, "--data", seed.TestRowsWithoutTarget, "--output", Path.Combine("file", "p.csv"));
        CliAssert.UserError(r, "--output", temp["file"], "is a file, not a folder");
        Assert.Equal("not a folder", File.ReadAllText(temp["file"]));
    }
}
