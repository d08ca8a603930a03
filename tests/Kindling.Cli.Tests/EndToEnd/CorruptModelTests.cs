namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Every way a run folder can be broken is one clear error (exit 2) naming the file, never a crash.</summary>
[Collection(SeedRunCollection.Name)]
public sealed class CorruptModelTests(SeedRunFixture seed)
{
    /// <summary>Copies the seed run's model files into a scratch "model" folder and breaks them as <paramref name="damage"/> says.
    /// Returns the file the error must name.</summary>
    string Break(TempFolder temp, string damage)
    {
        string dir = temp["model"], json = Path.Combine(dir, "model.json"), weights = Path.Combine(dir, "model.safetensors");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(seed.RunFolder, "model.json"), json);
        File.Copy(Path.Combine(seed.RunFolder, "model.safetensors"), weights);
        switch (damage)
        {
            case "truncated weights":
                var bytes = File.ReadAllBytes(weights);
                File.WriteAllBytes(weights, bytes[..(bytes.Length / 2)]);
                return "model.safetensors";
            case "empty weights":
                File.WriteAllBytes(weights, []);
                return "model.safetensors";
            case "checkpoint as weights":
                File.Copy(Path.Combine(seed.RunFolder, "checkpoints", "epoch-0100.safetensors"), weights, overwrite: true);
                return "model.safetensors";
            case "missing weights":
                File.Delete(weights);
                return "model.safetensors";
            case "garbage json":
                File.WriteAllBytes(json, [0x7b, 0x22, 0xff, 0x00, 0x13, 0x37]);
                return "model.json";
            case "json of another shape":
                File.WriteAllText(json, """{"format": "kindling-model", "format_version": 1, "architecture": 42}""");
                return "model.json";
            case "truncated json":
                var text = File.ReadAllText(json);
                File.WriteAllText(json, text[..(text.Length / 2)]);
                return "model.json";
            case "missing json":
                File.Delete(json);
                return "model.json";
            case "no folder":
                Directory.Delete(dir, recursive: true);
                return dir;
            default:
                throw new ArgumentException(damage);
        }
    }

    [Theory]
    [InlineData("truncated weights")]
    [InlineData("empty weights")]
    [InlineData("checkpoint as weights")]
    [InlineData("missing weights")]
    [InlineData("garbage json")]
    [InlineData("json of another shape")]
    [InlineData("truncated json")]
    [InlineData("missing json")]
    [InlineData("no folder")]
    public void Predict_BrokenModelFolder_ExitsTwoNamingTheFile(string damage)
    {
        using var temp = seed.Scratch();
        string named = Break(temp, damage);
        var r = Cli.Run(temp.Path, "predict", "--model", temp["model"], "--data", seed.TestRowsWithoutTarget, "--output", "p.csv");
        CliAssert.UserError(r, named);
        Assert.DoesNotContain($"{temp["model"]}: {temp["model"]}", r.Stderr); // the folder is named once
        Assert.False(File.Exists(temp["p.csv"]));
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("export")]
    [InlineData("inspect")]
    public void Command_TruncatedWeights_ExitsTwoNamingTheFile(string command)
    {
        using var temp = seed.Scratch();
        string named = Break(temp, "truncated weights");
        string[] args = command switch
        {
            "evaluate" => ["evaluate", "--model", "model", "--data", Repo.WineQtCsv],
            "export" => ["export", "--model", "model", "--onnx", "m.onnx"],
            _ => ["inspect", "model"],
        };
        CliAssert.UserError(Cli.Run(temp.Path, args), named);
        Assert.False(File.Exists(temp["m.onnx"]));
    }
}
