using System.Text.Json;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary><c>kindling train</c> with no options is the seed; the oracle is seed_program.py run by
/// tools/reference/cli_fixtures.py (PyTorch 1.13, scikit-learn's split).</summary>
[Collection(SeedRunCollection.Name)]
public sealed class TrainDefaultsTests(SeedRunFixture seed)
{
    /// <summary>float32 training in another summation order drifts from PyTorch by ~1e-7 per epoch.</summary>
    const double LossTolerance = 1e-4;

    static JsonElement Oracle(string run) => Repo.Fixture("cli_runs.json").GetProperty("runs").GetProperty(run);

    [Fact]
    public void Train_Defaults_LossCurveMatchesPyTorchSeedProgram()
    {
        var expected = CliAssert.Doubles(Oracle("seed").GetProperty("train_loss"));
        var actual = CliAssert.Doubles(seed.Json.GetProperty("train_loss"));
        Assert.Equal(100, actual.Length);
        Assert.Equal(expected.Length, actual.Length);
        CliAssert.Close(2.122404, actual[0], LossTolerance, "epoch 1 loss (seed_program.py)");
        CliAssert.Close(0.986266, actual[99], LossTolerance, "epoch 100 loss (seed_program.py)");
        for (int e = 0; e < expected.Length; e++) CliAssert.Close(expected[e], actual[e], LossTolerance, $"epoch {e + 1} loss");
    }

    [Fact]
    public void Train_Defaults_TestAccuracyIs153Of229AsPyTorch()
    {
        var curve = Repo.Fixture("seed_curve.json");
        int n = curve.GetProperty("n_test").GetInt32(), correct = curve.GetProperty("test_correct").GetInt32();
        Assert.Equal((153, 229), (correct, n));
        Assert.Equal(n, seed.Json.GetProperty("n_test").GetInt32());
        Assert.Equal(correct, (int)Math.Round(seed.Json.GetProperty("test_accuracy").GetDouble() * n));
    }

    /// <summary>The macro F1 is scikit-learn's default: averaged over the labels in y_true or y_pred (quality 3 has no
    /// test row and is never predicted, so it is listed apart, not averaged in as a zero).</summary>
    [Fact]
    public void Train_Defaults_TestMacroF1MatchesScikitLearnF1Score()
    {
        var expected = Repo.Fixture("cli_runs.json").GetProperty("seed_test_metrics");
        CliAssert.Close(0.370054, expected.GetProperty("f1_macro").GetDouble(), 2e-6, "scikit-learn f1_score(average='macro')");
        CliAssert.Close(expected.GetProperty("f1_macro").GetDouble(), seed.Json.GetProperty("test_macro_f1").GetDouble(), 1e-12, "test_macro_f1");
        CliAssert.Close(expected.GetProperty("balanced_accuracy").GetDouble(), seed.Json.GetProperty("test_balanced_accuracy").GetDouble(), 1e-12, "test_balanced_accuracy");
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(seed.RunFolder, "metrics.json")));
        var present = expected.GetProperty("labels").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        Assert.Equal(present, metrics.RootElement.GetProperty("per_class").EnumerateArray().Select(c => c.GetProperty("label").GetInt32()));
        Assert.Equal(["3"], metrics.RootElement.GetProperty("absent_classes").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Train_Json_HoldsTheDocumentedKeysAndNothingElseOnStdout()
    {
        var json = seed.Json;
        foreach (var key in new[] { "train_loss", "test_accuracy", "test_macro_f1", "suggested_epochs", "train_seconds", "total_seconds", "out" })
            Assert.True(json.TryGetProperty(key, out _), $"--json lacks '{key}'");
        Assert.False(json.TryGetProperty("val_loss", out _), "val_loss without a validation split");
        double train = json.GetProperty("train_seconds").GetDouble(), total = json.GetProperty("total_seconds").GetDouble();
        Assert.True(train > 0 && train <= total, $"train_seconds {train} should be within total_seconds {total}");
        double checkpoints = json.GetProperty("checkpoint_seconds").GetDouble();
        Assert.True(checkpoints > 0 && checkpoints <= train, $"checkpoint_seconds {checkpoints} should be within train_seconds {train}");
        double f1 = json.GetProperty("test_macro_f1").GetDouble();
        Assert.InRange(f1, 0, 1);
        Assert.InRange(json.GetProperty("suggested_epochs").GetInt32(), 1, 100);
        Assert.Equal(seed.RunFolder, json.GetProperty("out").GetString());
        CliAssert.NoStackTrace(seed.Train);
    }

    [Fact]
    public void Train_Defaults_WritesTheWholeRunFolderAndNoStagingFolder()
    {
        foreach (var file in new[] { "model.json", "model.safetensors", "history.csv", "metrics.json", "loss.png", "loss.svg", "confusion.png", "confusion.svg" })
            Assert.True(new FileInfo(Path.Combine(seed.RunFolder, file)) is { Exists: true, Length: > 0 }, $"{file} missing or empty");
        // Every 10 epochs (the default) of 100, keeping the last and the best by training loss (no validation set).
        var loss = CliAssert.Doubles(seed.Json.GetProperty("train_loss"));
        int best = Enumerable.Range(1, 10).Select(i => 10 * i).MinBy(e => loss[e - 1]);
        var expected = new[] { best, 100 }.Distinct().Order().Select(e => $"epoch-{e:D4}.safetensors");
        var checkpoints = Directory.GetFiles(Path.Combine(seed.RunFolder, "checkpoints"), "*.safetensors").Select(Path.GetFileName).Order();
        Assert.Equal(expected, checkpoints);
        Assert.Equal(100, File.ReadAllLines(Path.Combine(seed.RunFolder, "checkpoints", "history.jsonl")).Length);
        Assert.Equal(101, File.ReadAllLines(Path.Combine(seed.RunFolder, "history.csv")).Length);
        var parent = Path.GetDirectoryName(seed.RunFolder)!;
        Assert.Empty(Directory.GetDirectories(parent, ".seed.partial-*"));
        Assert.Equal(["0.bias", "0.weight", "2.bias", "2.weight", "4.bias", "4.weight"], SafeTensorsHeader.Names(Path.Combine(seed.RunFolder, "model.safetensors")));
    }

    [Fact]
    public void Train_ExistingOut_ExitsTwoAndLeavesTheFolderUntouched()
    {
        var before = CliAssert.Snapshot(seed.RunFolder);
        using var scratch = seed.Scratch();
        var r = Cli.Run(scratch.Path, "train", "--epochs", "5", "--json", "--out", seed.RunFolder);
        CliAssert.UserError(r, seed.RunFolder, "already exists");
        Assert.Equal("", r.Stdout);
        Assert.Equal(before, CliAssert.Snapshot(seed.RunFolder));
        Assert.Empty(Directory.GetDirectories(Path.GetDirectoryName(seed.RunFolder)!, ".seed.partial-*"));
    }

    [Fact]
    public void Train_WithoutJson_PrintsTheSummaryTable()
    {
        using var scratch = seed.Scratch();
        var r = Cli.Run(scratch.Path, "train", "--out", "run");
        CliAssert.Success(r);
        Assert.Contains("test accuracy", r.Stdout);
        Assert.Contains("(153 of 229)", r.Stdout);
        Assert.Contains("suggested epochs", r.Stdout);
        Assert.Contains(scratch["run"], r.Stdout);
        Assert.Contains("--standardize", r.Stdout + r.Stderr); // WineQT's features differ in scale by orders of magnitude
    }
}
