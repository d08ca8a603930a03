using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Two-class targets: the decision threshold (saved with the model, used by predict, evaluate and ONNX),
/// ROC/PR curves and their areas. The metrics themselves are checked against scikit-learn in BinaryCurvesTests.</summary>
public sealed class BinaryTargetTests(BinaryTargetFixture binary) : IClassFixture<BinaryTargetFixture>
{
    const double ProbabilityTolerance = 1e-5;   // ONNX Runtime vs Kindling float32 forward passes

    static JsonNode ModelJson(string run) => JsonNode.Parse(File.ReadAllText(Path.Combine(run, "model.json")))!;

    [Fact]
    public void Train_BinaryDefault_ReportsAucAndThresholdAndWritesCurves()
    {
        var json = binary.DefaultJson;
        Assert.Equal(0.5, json.GetProperty("threshold").GetDouble());
        double auc = json.GetProperty("test_roc_auc").GetDouble();
        Assert.InRange(auc, 0.6, 1.0);
        Assert.InRange(json.GetProperty("test_average_precision").GetDouble(), 0.5, 1.0);
        // Every earlier field stays.
        foreach (var key in new[] { "train_loss", "test_accuracy", "test_macro_f1", "test_balanced_accuracy", "suggested_epochs", "classes", "notes" })
            Assert.True(json.TryGetProperty(key, out _), $"--json lacks '{key}'");
        string run = binary.Folder("default");
        foreach (var file in new[] { "roc.png", "roc.svg", "pr.png", "pr.svg" })
            Assert.True(new FileInfo(Path.Combine(run, file)) is { Exists: true, Length: > 0 }, $"{file} missing or empty");
        Assert.Equal(0.5, (double)ModelJson(run)["threshold"]!);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        Assert.Equal(auc, metrics.RootElement.GetProperty("roc_auc_macro").GetDouble());
        Assert.Equal(0.5, metrics.RootElement.GetProperty("threshold").GetDouble());
    }

    [Fact]
    public void Train_ThresholdAuto_SavedAndUsedByPredictEvaluateAndOnnx()
    {
        string run = binary.Folder("auto");
        double threshold = binary.AutoJson.GetProperty("threshold").GetDouble();
        Assert.Equal(threshold, (double)ModelJson(run)["threshold"]!);
        Assert.Contains(binary.AutoJson.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("--threshold auto:", StringComparison.Ordinal));

        using var temp = binary.Scratch();
        CliAssert.Success(Cli.Run(temp.Path, "predict", "--model", run, "--data", binary.Unlabelled, "--proba", "--output", "preds.csv"));
        var preds = RawCsv.Read(temp["preds.csv"]);
        var proba = preds.Probabilities(BinaryTargetFixture.Classes);
        // predict: "yes" exactly where p(yes) >= the saved threshold (float32 probabilities, printed round-trip).
        var expected = proba.Select(p => (float)p[1] >= threshold ? "yes" : "no").ToArray();
        Assert.Equal(expected, preds.Column("good"));
        Assert.Contains("no", expected);
        Assert.Contains("yes", expected);

        CliAssert.Success(Cli.Run(temp.Path, "export", "--model", run, "--onnx", "model.onnx"));
        var (onnxProba, onnxLabels) = OnnxRunner.Run(temp["model.onnx"], run, RawCsv.Read(binary.Unlabelled));
        for (int i = 0; i < proba.Length; i++)
            Assert.True(Math.Abs(onnxProba[i][1] - proba[i][1]) <= ProbabilityTolerance, $"row {i}: ONNX {onnxProba[i][1]} vs Kindling {proba[i][1]}");
        // Rows whose probability sits within the tolerance of the threshold may fall either way in another summation order.
        for (int i = 0; i < proba.Length; i++)
            if (Math.Abs(proba[i][1] - threshold) > ProbabilityTolerance) Assert.True(expected[i] == onnxLabels[i], $"row {i}: ONNX {onnxLabels[i]} vs predict {expected[i]}");

        var eval = Cli.Run(temp.Path, "evaluate", "--model", run, "--data", binary.Labelled, "--json");
        CliAssert.Success(eval);
        var report = CliAssert.SingleJsonObject(eval);
        Assert.Equal(threshold, report.GetProperty("threshold").GetDouble());
        var truth = RawCsv.Read(binary.Labelled).Column("good");
        double accuracy = truth.Zip(expected).Count(t => t.First == t.Second) / (double)truth.Length;
        Assert.Equal(accuracy, report.GetProperty("accuracy").GetDouble(), 12);
    }

    [Fact]
    public void Train_ThresholdAutoWithoutValidationRows_ExitsTwoNamingValSize()
    {
        using var temp = binary.Scratch();
        var r = Cli.Run(temp.Path, "train", "--data", binary.Labelled, "--target", "good", "--threshold", "auto", "--epochs", "2", "--out", "x");
        CliAssert.UserError(r, "--threshold auto", "--val-size");
        Assert.False(Directory.Exists(temp["x"]));
    }

    [Theory]
    [InlineData("1.5", "wine-good")]
    [InlineData("half", "wine-good")]
    [InlineData("0.3", "wineqt")]
    public void Train_BadThreshold_ExitsTwoNamingIt(string threshold, string data)
    {
        using var temp = binary.Scratch();
        string[] args = data == "wineqt"
            ? ["train", "--threshold", threshold, "--epochs", "2", "--out", "x"]
            : ["train", "--data", binary.Labelled, "--target", "good", "--threshold", threshold, "--epochs", "2", "--out", "x"];
        var r = Cli.Run(temp.Path, args);
        CliAssert.UserError(r, "--threshold", data == "wineqt" ? "two-class" : threshold);
    }
}
