using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary><c>kindling train</c> on a numeric target (WineQT's alcohol: 61 distinct values, not whole numbers), held
/// against its PyTorch twin (tools/reference/regression_fixtures.py: the seed program with one output unit and
/// nn.MSELoss / HuberLoss / L1Loss on the standardised target) and scikit-learn's metrics.</summary>
public sealed class RegressionTests
{
    /// <summary>The acceptance bound: every epoch's loss within 1e-5 of PyTorch's (float32 sums in another order).</summary>
    const double LossTolerance = 1e-5;
    /// <summary>R² of de-scaled float32 outputs: Kindling's and the twin's outputs differ in the last float32 bits.</summary>
    const double TwinMetricTolerance = 1e-5;
    /// <summary>The acceptance bound between --json's test_r2 and r2_score on predict's output.</summary>
    const double R2Tolerance = 1e-6;

    static readonly JsonElement Oracle = Repo.Fixture("regression_runs.json");

    static (JsonElement Json, string Run) Train(TempFolder temp, params string[] args)
    {
        var r = Cli.Run(temp.Path, ["train", "--json", "--out", "run", .. args]);
        CliAssert.Success(r);
        return (CliAssert.SingleJsonObject(r), temp["run"]);
    }

    public static TheoryData<string> Runs() => new(Oracle.GetProperty("runs").EnumerateObject().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Runs))]
    public void Train_NumericTarget_MatchesPyTorchTwinAtEveryEpoch(string name)
    {
        var twin = Oracle.GetProperty("runs").GetProperty(name);
        using var temp = new TempFolder();
        var (json, run) = Train(temp, twin.GetProperty("kindling_args").EnumerateArray().Select(a => a.GetString()!).ToArray());

        Assert.Equal("regression", json.GetProperty("task").GetString());
        Assert.Contains("not whole numbers", json.GetProperty("task_reason").GetString());
        var expected = CliAssert.Doubles(twin.GetProperty("train_loss"));
        var actual = CliAssert.Doubles(json.GetProperty("train_loss"));
        Assert.Equal(expected.Length, actual.Length);
        for (int e = 0; e < expected.Length; e++)
            Assert.True(Math.Abs(actual[e] - expected[e]) <= LossTolerance, $"epoch {e + 1}: PyTorch {expected[e]:R}, Kindling {actual[e]:R}");
        Assert.Equal(twin.GetProperty("n_train").GetInt32(), json.GetProperty("n_train").GetInt32());
        Assert.Equal(twin.GetProperty("n_test").GetInt32(), json.GetProperty("n_test").GetInt32());
        foreach (var metric in new[] { "test_r2", "test_mae", "test_rmse" })
            Assert.True(Math.Abs(json.GetProperty(metric).GetDouble() - twin.GetProperty(metric).GetDouble()) <= TwinMetricTolerance,
                $"{metric}: twin {twin.GetProperty(metric).GetDouble():R}, Kindling {json.GetProperty(metric).GetDouble():R}");

        // Every classification field is still there (null or empty), and the saved scaler is scikit-learn's.
        Assert.Equal(JsonValueKind.Null, json.GetProperty("test_accuracy").ValueKind);
        Assert.Empty(json.GetProperty("classes").EnumerateArray());
        var model = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "model.json")))!;
        Assert.Equal(2, (int)model["format_version"]!);
        Assert.Equal("regression", (string?)model["task"]);
        var scaling = model["target_scaling"]!;
        if ((string?)scaling["method"] == "standard")
        {
            CliAssert.Close(twin.GetProperty("target_mean").GetDouble(), (double)scaling["mean"]!, 1e-12, "target mean");
            CliAssert.Close(twin.GetProperty("target_scale").GetDouble(), (double)scaling["scale"]!, 1e-12, "target scale");
        }
        foreach (var file in new[] { "loss.png", "predicted_vs_actual.png", "residuals.svg", "metrics.json", "history.csv" })
            Assert.True(File.Exists(Path.Combine(run, file)), file);
    }

    [Fact]
    public void Predict_RegressionRun_R2OfItsOutputEqualsJsonTestR2()
    {
        using var temp = new TempFolder();
        var (json, run) = Train(temp, "--target", "alcohol");
        string testCsv = WriteTestRows(temp);
        CliAssert.Success(Cli.Run(temp.Path, "predict", "--model", run, "--data", testCsv, "--output", "predicted.csv"));
        var predicted = File.ReadAllLines(temp["predicted.csv"]).Skip(1).Select(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var actual = TestTargets();
        Assert.Equal(actual.Length, predicted.Length);

        double r2 = ScikitLearnR2(actual, predicted) ?? Kindling.Training.Metrics.RegressionMetrics.R2Score(actual, predicted);
        Assert.True(Math.Abs(r2 - json.GetProperty("test_r2").GetDouble()) <= R2Tolerance, $"r2_score {r2:R}, --json {json.GetProperty("test_r2").GetDouble():R}");

        // evaluate on the same rows reports the same metrics.
        var e = Cli.Run(temp.Path, "evaluate", "--model", run, "--data", testCsv, "--json");
        CliAssert.Success(e);
        var metrics = CliAssert.SingleJsonObject(e);
        Assert.Equal(json.GetProperty("test_r2").GetDouble(), metrics.GetProperty("r2").GetDouble(), 12);
        Assert.Equal(json.GetProperty("test_mae").GetDouble(), metrics.GetProperty("mae").GetDouble(), 12);

        // The ONNX export includes the de-scaling: its output is predict's, in float32.
        CliAssert.Success(Cli.Run(temp.Path, "export", "--model", run, "--onnx", "m.onnx"));
        var onnx = OnnxPredictions(temp["m.onnx"], run, testCsv);
        for (int i = 0; i < predicted.Length; i++)
            Assert.True(Math.Abs(onnx[i] - predicted[i]) <= 1e-5 * Math.Max(1, Math.Abs(predicted[i])), $"row {i}: ONNX {onnx[i]}, predict {predicted[i]}");
    }

    [Fact]
    public void Train_RegressionWithValidationAndEarlyStopping_StopsOnValLoss()
    {
        using var temp = new TempFolder();
        var (json, run) = Train(temp, "--target", "alcohol", "--standardize", "--val-size", "0.2", "--early-stopping", "3", "--epochs", "300", "--lr", "0.05", "--loss", "huber");
        Assert.Equal("EarlyStopped", json.GetProperty("stop_reason").GetString());
        Assert.Equal(json.GetProperty("epochs_trained").GetInt32(), json.GetProperty("val_loss").GetArrayLength());
        Assert.Empty(json.GetProperty("val_accuracy").EnumerateArray());
        Assert.Equal("huber", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(run, "model.json")))!["loss"]);
    }

    [Fact]
    public void Train_ClassOptionsOnRegression_AreRefusedOrNoted()
    {
        using var temp = new TempFolder();
        CliAssert.UserError(Cli.Run(temp.Path, "train", "--target", "alcohol", "--class-weight", "balanced", "--out", "a"), "--class-weight", "regression");
        CliAssert.UserError(Cli.Run(temp.Path, "train", "--loss", "huber", "--out", "b"), "--loss", "classification");
        var (json, _) = Train(temp, "--target", "alcohol", "--stratify", "--epochs", "2");
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("--stratify ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Train_TaskRegressionOnIntegerTarget_OverridesAuto()
    {
        using var temp = new TempFolder();
        var (json, _) = Train(temp, "--task", "regression", "--epochs", "3");
        Assert.Equal("regression", json.GetProperty("task").GetString());
        Assert.Equal("--task regression", json.GetProperty("task_reason").GetString());
        var seed = Cli.Run(temp.Path, "train", "--json", "--epochs", "1", "--out", "seed");
        Assert.Equal("classification", CliAssert.SingleJsonObject(seed).GetProperty("task").GetString());
    }

    static int[] TestRows => Oracle.GetProperty("test_rows").EnumerateArray().Select(e => e.GetInt32()).ToArray();

    static string WriteTestRows(TempFolder temp)
    {
        var lines = File.ReadAllLines(Repo.WineQtCsv);
        File.WriteAllLines(temp["test.csv"], [lines[0], .. TestRows.Select(r => lines[r + 1])]);
        return temp["test.csv"];
    }

    static double[] TestTargets()
    {
        var lines = File.ReadAllLines(Repo.WineQtCsv);
        int column = Array.IndexOf(lines[0].Split(','), "alcohol");
        return TestRows.Select(r => double.Parse(lines[r + 1].Split(',')[column], CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>sklearn.metrics.r2_score by /usr/bin/python3 itself, or null where it is not installed.</summary>
    static double? ScikitLearnR2(double[] actual, double[] predicted)
    {
        if (!File.Exists("/usr/bin/python3")) return null;
        string Json(double[] v) => "[" + string.Join(",", v.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";
        var info = new ProcessStartInfo("/usr/bin/python3", ["-c", "import json,sys; from sklearn.metrics import r2_score; d=json.load(sys.stdin); print(repr(r2_score(d[0], d[1])))"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(info)!;
        p.StandardInput.Write($"[{Json(actual)},{Json(predicted)}]");
        p.StandardInput.Close();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return p.ExitCode == 0 ? double.Parse(output.Trim(), CultureInfo.InvariantCulture) : null;
    }

    static float[] OnnxPredictions(string onnxPath, string run, string csv)
    {
        var pre = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "model.json")))!["preprocessing"]!;
        var numeric = pre["numeric_columns"]!.AsArray().Select(n => (string)n!).ToArray();
        var lines = File.ReadAllLines(csv);
        var header = lines[0].Split(',');
        int[] at = numeric.Select(c => Array.IndexOf(header, c)).ToArray();
        int rows = lines.Length - 1;
        var x = new float[rows * numeric.Length];
        for (int i = 0; i < rows; i++)
        {
            var cells = lines[i + 1].Split(',');
            for (int j = 0; j < numeric.Length; j++) x[i * numeric.Length + j] = float.Parse(cells[at[j]], CultureInfo.InvariantCulture);
        }
        using var session = new InferenceSession(onnxPath);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("numeric", new DenseTensor<float>(x, [rows, numeric.Length]))]);
        return results.First(r => r.Name == "prediction").AsTensor<float>().ToArray();
    }
}
