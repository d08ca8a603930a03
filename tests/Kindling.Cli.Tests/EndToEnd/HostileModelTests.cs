using System.Diagnostics;
using System.Text.Json.Nodes;
using Kindling.Training;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Run folders that are consistent but hostile — a huge architecture, non-finite or integer weights, a tensor
/// missing or extra — are refused on load (exit 2, one line naming the file and the tensor), before any big allocation.</summary>
[Collection(SeedRunCollection.Name)]
public sealed class HostileModelTests(SeedRunFixture seed)
{
    /// <summary>Copies the seed run's model into a scratch "model" folder and crafts it as <paramref name="craft"/> says;
    /// returns what the error must name.</summary>
    string Craft(TempFolder temp, string craft)
    {
        string dir = temp["model"], json = Path.Combine(dir, "model.json"), weights = Path.Combine(dir, "model.safetensors");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(seed.RunFolder, "model.json"), json);
        File.Copy(Path.Combine(seed.RunFolder, "model.safetensors"), weights);
        var (state, meta) = StateDictFile.Load(weights);
        switch (craft)
        {
            case "huge hidden":
                // The probe's case: a 30-million-wide layer with a sparse 2 GiB weights file to match.
                var root = JsonNode.Parse(File.ReadAllText(json))!;
                root["architecture"]!["hidden"] = new JsonArray(30_000_000, 16);
                File.WriteAllText(json, root.ToJsonString());
                using (var f = new FileStream(weights, FileMode.Open)) f.SetLength(2_160_000_000);
                return "model.json";
            case "nan weight":
                Poke(state, "2.weight", 5, float.NaN);
                break;
            case "infinite bias":
                Poke(state, "4.bias", 0, float.PositiveInfinity);
                break;
            case "integer weights":
                state["0.weight"] = state["0.weight"].To(DType.Int64);
                break;
            case "missing bias":
                state.Remove("4.bias");
                break;
            case "extra tensor":
                state["9.weight"] = Torch.Zeros(2, 2);
                break;
            default:
                throw new ArgumentException(craft);
        }
        File.Delete(weights);
        StateDictFile.Save(weights, state, meta);
        return "model.safetensors";
    }

    static void Poke(OrderedDictionary<string, Tensor> state, string name, int index, float value)
    {
        var t = state[name];
        var values = t.ToArray<float>();
        values[index] = value;
        state[name] = Torch.Tensor(values).Reshape(t.Shape);
    }

    [Theory]
    [InlineData("huge hidden", "hidden [30000000,16]")]
    [InlineData("nan weight", "'2.weight'")]
    [InlineData("infinite bias", "'4.bias'")]
    [InlineData("integer weights", "'0.weight'")]
    [InlineData("missing bias", "'4.bias'")]
    [InlineData("extra tensor", "'9.weight'")]
    public void EveryCommand_HostileModelFolder_RefusedOnLoad(string craft, string detail)
    {
        using var temp = seed.Scratch();
        string named = Craft(temp, craft);
        foreach (var args in new[]
        {
            new[] { "predict", "--model", "model", "--data", seed.TestRowsWithoutTarget, "--output", "p.csv" },
            ["evaluate", "--model", "model", "--data", Repo.WineQtCsv],
            ["export", "--model", "model", "--onnx", "m.onnx"],
            ["inspect", "model"],
        })
        {
            var clock = Stopwatch.StartNew();
            var r = Cli.Run(temp.Path, args);
            CliAssert.UserError(r, named, detail);
            Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{args[0]} took {clock.Elapsed} on a crafted folder");
        }
        Assert.False(File.Exists(temp["p.csv"]));
        Assert.False(File.Exists(temp["m.onnx"]));
    }

    [Fact]
    public void Train_ModelBeyondTheLoadableSize_RefusedUpFront()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "train", "--hidden", "20000,20000", "--out", "run");
        CliAssert.UserError(r, "--hidden", "268,435,456");
        Assert.False(Directory.Exists(temp["run"]));
    }
}
