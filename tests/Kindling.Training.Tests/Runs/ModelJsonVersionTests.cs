using System.Globalization;
using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.Nn;
using Kindling.Training.Runs;
using Kindling.Training.Tasks;
using Kindling.Training.Tests.Metrics;

namespace Kindling.Training.Tests.Runs;

/// <summary>model.json version 2 (snake_case everywhere, task, loss, target scaling, threshold) and version 1's files.</summary>
public sealed class ModelJsonVersionTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("kindling-modeljson-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    static string V1Folder => Path.Combine(FixturePaths.Root, "tests", "Kindling.Training.Tests", "Runs", "Data", "model_v1");

    [Fact]
    public void Load_Version1File_PredictsWhatItsKindlingPredicted()
    {
        // Oracle: model_v1/predict_head.csv, written by `kindling predict --proba` of the Kindling that wrote this
        // version-1 run folder (a compatibility record, not a numeric golden value).
        var saved = RunFolder.Load(V1Folder);
        Assert.Equal(TaskKind.Classification, saved.Task);
        Assert.Null(saved.TaskReason);
        var expected = File.ReadAllLines(Path.Combine(V1Folder, "predict_head.csv")).Skip(1).ToArray();
        var frame = Csv.Read(Path.Combine(FixturePaths.Root, "data", "WineQT.csv")).Take([.. Enumerable.Range(0, expected.Length)]);
        var p = saved.PredictProba(frame);
        int[] label = SavedModel.ArgMax(p);
        for (int i = 0; i < expected.Length; i++)
        {
            var cells = expected[i].Split(',');
            Assert.Equal(cells[0], saved.Labels.InverseTransform(label[i]));
            for (int c = 0; c < p.GetLength(1); c++) Assert.Equal(cells[c + 1], p[i, c].ToString("R", CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Save_Version1Loaded_WritesVersion2WithSnakeCaseKeysOnly()
    {
        var saved = RunFolder.Load(V1Folder) with { TaskReason = "auto: test" };
        RunFolder.Save(dir, saved);
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, RunFolder.ModelJson)))!;
        Assert.Equal(2, (int)root["format_version"]!);
        Assert.Equal("classification", (string?)root["task"]);
        Assert.Equal("cross_entropy", (string?)root["loss"]);
        Assert.Null(root["target_scaling"]);
        Assert.True(root.AsObject().ContainsKey("threshold"));
        Assert.Null(root["threshold"]);
        Assert.All(Keys(root), k => Assert.True(k == k.ToLowerInvariant(), $"key '{k}' is not snake_case"));

        var again = RunFolder.Load(dir);
        Assert.Equal(saved.Labels.Classes, again.Labels.Classes);
        Assert.Equal(saved.Preprocessor.FeatureNames, again.Preprocessor.FeatureNames);
        Assert.Equal("auto: test", again.TaskReason);
    }

    [Fact]
    public void SaveLoad_Regression_KeepsScalerAndPredictions()
    {
        var frame = Csv.ReadText("a,b,y\n1,2,10.5\n2,1,11.25\n3,5,9.75\n4,4,12\n");
        var preprocessor = Preprocessor.Fit(frame, new PreprocessorOptions { Target = "y", Impute = ImputeStrategy.Median });
        var spec = new MlpSpec(2, [3], "tanh", 0, 1);
        Torch.ManualSeed(3);
        var model = spec.Build();
        var scaler = TargetScaler.FitStandard([10.5, 11.25, 9.75, 12], [0, 1, 2, 3]);
        var saved = SavedModel.ForRegression(spec, model, preprocessor, scaler, "y", new JsonObject { ["loss"] = "huber" }, []) with { TaskReason = "--task regression" };
        RunFolder.Save(dir, saved);

        var loaded = RunFolder.Load(dir);
        Assert.Equal(TaskKind.Regression, loaded.Task);
        Assert.Equal(scaler.Mean, loaded.TargetScaler!.Mean);
        Assert.Equal(scaler.Scale, loaded.TargetScaler.Scale);
        Assert.Equal("--task regression", loaded.TaskReason);
        Assert.Equal(saved.PredictValues(frame), loaded.PredictValues(frame));
        Assert.Throws<InvalidOperationException>(() => loaded.Labels);
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, RunFolder.ModelJson)))!;
        Assert.Equal("huber", (string?)root["loss"]);
        Assert.Equal("standard", (string?)root["target_scaling"]!["method"]);
        Assert.Null(root["labels"]);
    }

    [Fact]
    public void PredictValues_DescalesTheOutput()
    {
        // Oracle: the forward pass by hand, z · scale + mean in float64.
        var frame = Csv.ReadText("a,y\n1,3\n2,5\n");
        var preprocessor = Preprocessor.Fit(frame, new PreprocessorOptions { Target = "y", Scaler = ScalerKind.None });
        var spec = new MlpSpec(1, [], "relu", 0, 1);
        var model = spec.Build();
        model.LoadStateDict(new OrderedDictionary<string, Tensor> { ["0.weight"] = Torch.Tensor(new float[,] { { 2f } }), ["0.bias"] = Torch.Tensor(new[] { 0.5f }) });
        var saved = SavedModel.ForRegression(spec, model, preprocessor, new TargetScaler(true, 4, 1.5), "y", [], []);
        Assert.Equal([(2.5 * 1.5) + 4, (4.5 * 1.5) + 4], saved.PredictValues(frame));
    }

    static IEnumerable<string> Keys(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Keys(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Keys),
        _ => [],
    };
}
