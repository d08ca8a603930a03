using System.Text.Json.Nodes;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>A user's own CSV: --target is required, categorical columns are one-hot encoded, missing values imputed,
/// unlabelled rows dropped; predict and export apply the same preprocessing to raw rows.</summary>
public sealed class UserCsvTests(UserCsvFixture pets) : IClassFixture<UserCsvFixture>
{
    /// <summary>Both sides run float32 forward passes, in different summation orders.</summary>
    const double ProbabilityTolerance = 1e-5;

    [Fact]
    public void Train_UserCsvWithoutTarget_ExitsTwoListingTheColumns()
    {
        using var temp = pets.Scratch();
        var r = Cli.Run(temp.Path, "train", "--data", pets.Labelled, "--out", "run");
        CliAssert.UserError(r, "--target", "id, width, height, color, shape, label");
        Assert.False(Directory.Exists(temp["run"]));
    }

    [Fact]
    public void Train_UserCsvWithDropNone_KeepsEveryOtherColumnAsAFeature()
    {
        using var temp = pets.Scratch();
        var r = Cli.Run(temp.Path, "train", "--data", pets.Labelled, "--target", "label", "--drop", "", "--epochs", "2", "--json", "--out", "run");
        CliAssert.Success(r);
        // id, width, height (numeric), then color (3) and shape (2) one-hot: nothing is dropped from a user's file.
        var model = JsonNode.Parse(File.ReadAllText(Path.Combine(temp["run"], "model.json")))!;
        Assert.Equal(8, (int)model["architecture"]!["inputs"]!);
        Assert.Equal(["id", "width", "height"], model["preprocessing"]!["numeric_columns"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void Train_CategoricalAndMissingValues_EncodesImputesAndSaysSo()
    {
        var notes = pets.Json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToArray();
        Assert.Contains(notes, n => n.Contains($"dropped {UserCsvFixture.RowsWithoutLabel} row(s)", StringComparison.Ordinal) && n.Contains("label", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("one-hot", StringComparison.Ordinal) && n.Contains("color, shape", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("imputed", StringComparison.Ordinal) && n.Contains("width", StringComparison.Ordinal) && n.Contains("height", StringComparison.Ordinal) && n.Contains("color", StringComparison.Ordinal));
        Assert.Equal(UserCsvFixture.Classes, pets.Json.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        int rows = pets.Json.GetProperty("n_train").GetInt32() + pets.Json.GetProperty("n_test").GetInt32();
        Assert.Equal(240 - UserCsvFixture.RowsWithoutLabel, rows);
        // width, height, then one-hot color (3) and shape (2): 7 inputs; id was dropped.
        var model = JsonNode.Parse(File.ReadAllText(Path.Combine(pets.RunFolder, "model.json")))!;
        Assert.Equal(7, (int)model["architecture"]!["inputs"]!);
        Assert.Equal(["color", "shape"], model["preprocessing"]!["categorical_columns"]!.AsArray().Select(n => (string)n!));
        Assert.True(pets.Json.GetProperty("test_accuracy").GetDouble() > 0.5, "the labels are a simple function of the features");
    }

    [Fact]
    public void Predict_FileWithoutTargetColumn_WritesOriginalLabelsWithIds()
    {
        using var temp = pets.Scratch();
        var r = Cli.Run(temp.Path, "predict", "--model", pets.RunFolder, "--data", pets.Unlabelled, "--id-column", "id", "--output", "p.csv");
        CliAssert.Success(r);
        var preds = RawCsv.Read(temp["p.csv"]);
        Assert.Equal(["id", "label"], preds.Header);
        Assert.Equal(RawCsv.Read(pets.Unlabelled).Column("id"), preds.Column("id"));
        Assert.All(preds.Column("label"), l => Assert.Contains(l, UserCsvFixture.Classes));
    }

    [Fact]
    public void Evaluate_LabelledRows_SkipsUnlabelledWithAWarning()
    {
        using var temp = pets.Scratch();
        var r = Cli.Run(temp.Path, "evaluate", "--model", pets.RunFolder, "--data", pets.Labelled);
        CliAssert.Success(r);
        Assert.Contains($"ignored {UserCsvFixture.RowsWithoutLabel} row(s)", r.Stderr);
        Assert.Contains($"rows {240 - UserCsvFixture.RowsWithoutLabel}", r.Stdout);
    }

    [Fact]
    public void Export_CategoricalModel_OnnxRuntimeMatchesKindlingOnRawRows()
    {
        using var temp = pets.Scratch();
        CliAssert.Success(Cli.Run(temp.Path, "export", "--model", pets.RunFolder, "--onnx", "pets.onnx"));
        CliAssert.Success(Cli.Run(temp.Path, "predict", "--model", pets.RunFolder, "--data", pets.Unlabelled, "--proba", "--output", "p.csv"));
        var kindling = RawCsv.Read(temp["p.csv"]);
        var expected = kindling.Probabilities(UserCsvFixture.Classes);
        var (proba, labels) = OnnxRunner.Run(temp["pets.onnx"], pets.RunFolder, RawCsv.Read(pets.Unlabelled));
        Assert.Equal(expected.Length, proba.Length);
        for (int i = 0; i < proba.Length; i++)
            for (int c = 0; c < expected[i].Length; c++)
                Assert.True(Math.Abs(proba[i][c] - expected[i][c]) <= ProbabilityTolerance, $"row {i} class {c}: ONNX {proba[i][c]} vs Kindling {expected[i][c]}");
        Assert.Equal(kindling.Column("label"), labels);
    }
}
