using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary><c>kindling train</c> with options: mini-batches, scaling, validation, early stopping, stratification,
/// class weights, architectures and optimizers.</summary>
public sealed class TrainOptionsTests
{
    /// <summary>Mini-batch losses are means of float32 batch losses; PyTorch sums them in another order.</summary>
    const double LossTolerance = 1e-4;

    static (CliResult Result, JsonElement Json, string Out) Train(TempFolder temp, params string[] args)
    {
        var r = Cli.Run(temp.Path, ["train", "--json", "--out", "run", .. args]);
        CliAssert.Success(r);
        return (r, CliAssert.SingleJsonObject(r), temp["run"]);
    }

    static JsonNode ModelJson(string run) => JsonNode.Parse(File.ReadAllText(Path.Combine(run, "model.json")))!;

    [Fact]
    public void Train_MiniBatchStandardized_MatchesPyTorchSeedProgram()
    {
        var oracle = Repo.Fixture("cli_runs.json").GetProperty("runs").GetProperty("minibatch_standardize");
        using var temp = new TempFolder();
        var (_, json, _) = Train(temp, oracle.GetProperty("kindling_args").EnumerateArray().Select(a => a.GetString()!).ToArray());
        var expected = CliAssert.Doubles(oracle.GetProperty("train_loss"));
        var actual = CliAssert.Doubles(json.GetProperty("train_loss"));
        Assert.Equal(expected.Length, actual.Length);
        for (int e = 0; e < expected.Length; e++) CliAssert.Close(expected[e], actual[e], LossTolerance, $"epoch {e + 1} loss");
        int n = oracle.GetProperty("n_test").GetInt32();
        Assert.Equal(Math.Round(oracle.GetProperty("test_accuracy").GetDouble() * n), Math.Round(json.GetProperty("test_accuracy").GetDouble() * n));
    }

    [Fact]
    public void Train_ValidationSplitAndEarlyStopping_ReportsValLossAndStopsEarly()
    {
        using var temp = new TempFolder();
        var (_, json, run) = Train(temp, "--batch-size", "32", "--standardize", "--val-size", "0.1", "--early-stopping", "3", "--epochs", "60", "--lr", "0.05");
        var train = CliAssert.Doubles(json.GetProperty("train_loss"));
        var val = CliAssert.Doubles(json.GetProperty("val_loss"));
        Assert.Equal(train.Length, val.Length);
        Assert.True(train.Length < 60, $"early stopping with patience 3 should stop before 60 epochs, trained {train.Length}");
        Assert.Equal("EarlyStopped", json.GetProperty("stop_reason").GetString());
        // Patience 3: the run ends 3 epochs after the best one, whose weights it keeps.
        Assert.Equal(train.Length - 3, json.GetProperty("best_epoch").GetInt32());
        Assert.Equal(val.Min(), val[json.GetProperty("best_epoch").GetInt32() - 1]);
        // scikit-learn's train_test_split: ceil(0.2 · 1143) = 229 test rows, then ceil(0.1 · 914) = 92 validation rows.
        Assert.Equal((822, 92, 229), (json.GetProperty("n_train").GetInt32(), json.GetProperty("n_val").GetInt32(), json.GetProperty("n_test").GetInt32()));
        var history = File.ReadAllLines(Path.Combine(run, "history.csv"));
        Assert.Equal(train.Length + 1, history.Length);
        Assert.All(history.Skip(1), line => Assert.NotEqual("", line.Split(',')[2]));
    }

    [Fact]
    public void Train_StratifiedBalancedLogisticRegressionWithSgd_SavesOneLinearLayer()
    {
        using var temp = new TempFolder();
        var (_, json, run) = Train(temp, "--stratify", "--class-weight", "balanced", "--hidden", "", "--optimizer", "sgd", "--lr", "0.1", "--standardize", "--epochs", "10");
        Assert.Equal(10, json.GetProperty("train_loss").GetArrayLength());
        Assert.Equal("11-6 relu", json.GetProperty("architecture").GetString());
        var model = ModelJson(run);
        Assert.Empty(model["architecture"]!["hidden"]!.AsArray());
        Assert.Single(model["architecture"]!["layers"]!.AsArray());
        Assert.Equal(["0.bias", "0.weight"], SafeTensorsHeader.Names(Path.Combine(run, "model.safetensors")));
        var training = model["training"]!;
        Assert.True((bool)training["stratify"]!);
        Assert.Equal("balanced", (string?)training["class_weight"]);
        Assert.Equal("sgd", (string?)training["optimizer"]);
        // Stratified: the test rows per class are scikit-learn's train_test_split(stratify=y) (tools/reference/cli_fixtures.py).
        var expected = Repo.Fixture("cli_runs.json").GetProperty("stratified_test_support").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt32());
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        var actual = metrics.RootElement.GetProperty("per_class").EnumerateArray()
            .Where(c => c.GetProperty("support").GetInt32() > 0)
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("support").GetInt32());
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Train_TwoHiddenLayersWithDropoutAndAdamW_SavesPyTorchLayerIndices()
    {
        using var temp = new TempFolder();
        var (_, json, run) = Train(temp, "--hidden", "64,32", "--dropout", "0.2", "--optimizer", "adamw", "--weight-decay", "0.01", "--epochs", "8", "--batch-size", "64");
        Assert.Equal(8, json.GetProperty("train_loss").GetArrayLength());
        Assert.Equal("11-64-32-6 relu, dropout 0.2", json.GetProperty("architecture").GetString());
        var layers = ModelJson(run)["architecture"]!["layers"]!.AsArray();
        Assert.Equal(["Linear", "relu", "Dropout", "Linear", "relu", "Dropout", "Linear"], layers.Select(l => (string)l!["type"]!));
        Assert.All(layers.Where(l => (string)l!["type"]! == "Dropout"), l => Assert.Equal(0.2, (double)l!["p"]!));
        // nn.Sequential numbers Dropout too: the Linear layers are 0, 3 and 6, as PyTorch names them.
        Assert.Equal(["0.bias", "0.weight", "3.bias", "3.weight", "6.bias", "6.weight"], SafeTensorsHeader.Names(Path.Combine(run, "model.safetensors")));
        Assert.Equal("adamw", (string?)ModelJson(run)["training"]!["optimizer"]);
    }

    [Theory]
    [InlineData("-1", new[] { 10, 20, 30 })]
    [InlineData("0", new[] { 30 })]
    public void Train_KeepCheckpoints_KeepsWhatItSays(string keep, int[] epochs)
    {
        using var temp = new TempFolder();
        var (_, _, run) = Train(temp, "--epochs", "30", "--keep-checkpoints", keep);
        var files = Directory.GetFiles(Path.Combine(run, "checkpoints"), "*.safetensors").Select(Path.GetFileName).Order();
        Assert.Equal(epochs.Select(e => $"epoch-{e:D4}.safetensors"), files);
    }
}
