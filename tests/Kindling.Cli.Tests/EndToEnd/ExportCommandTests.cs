namespace Kindling.Cli.Tests.EndToEnd;

/// <summary><c>kindling export</c>: the ONNX file, run in Microsoft.ML.OnnxRuntime on WineQT's raw test rows,
/// gives what <c>kindling predict --proba</c> gives.</summary>
[Collection(SeedRunCollection.Name)]
public sealed class ExportCommandTests(SeedRunFixture seed)
{
    /// <summary>Both sides run float32 forward passes, in different summation orders.</summary>
    const double ProbabilityTolerance = 1e-5;

    static readonly string[] Classes = ["3", "4", "5", "6", "7", "8"];

    [Fact]
    public void Export_SeedRun_OnnxRuntimeMatchesKindlingOnRawTestRows()
    {
        using var temp = seed.Scratch();
        var r = Cli.Run(temp.Path, "export", "--model", seed.RunFolder, "--onnx", "model.onnx");
        CliAssert.Success(r);
        Assert.Contains("model.onnx", r.Stdout);
        CliAssert.Success(Cli.Run(temp.Path, "predict", "--model", seed.RunFolder, "--data", seed.TestRowsWithoutTarget, "--proba", "--output", "preds.csv"));
        var kindling = RawCsv.Read(temp["preds.csv"]);

        var (proba, labels) = OnnxRunner.Run(temp["model.onnx"], seed.RunFolder, RawCsv.Read(seed.TestRowsWithoutTarget));

        var expected = kindling.Probabilities(Classes);
        Assert.Equal(229, proba.Length);
        for (int i = 0; i < proba.Length; i++)
            for (int c = 0; c < Classes.Length; c++)
                Assert.True(Math.Abs(proba[i][c] - expected[i][c]) <= ProbabilityTolerance, $"row {i} class {Classes[c]}: ONNX {proba[i][c]} vs Kindling {expected[i][c]}");
        Assert.Equal(kindling.Column("quality"), labels);
    }

    [Theory]
    [InlineData("file/m.onnx", "is a file, not a folder")]
    [InlineData("folder", "is a folder")]
    [InlineData("/proc/m.onnx", "/proc/m.onnx")]
    public void Export_UnwritableOnnxPath_ExitsTwoNamingIt(string onnx, string named)
    {
        using var temp = seed.Scratch();
        File.WriteAllText(temp["file"], "keep");
        Directory.CreateDirectory(temp["folder"]);
        CliAssert.UserError(Cli.Run(temp.Path, "export", "--model", seed.RunFolder, "--onnx", onnx), "--onnx", named);
        Assert.Equal("keep", File.ReadAllText(temp["file"]));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp["folder"]));
    }

    [Fact]
    public void Export_CorruptModel_ExitsTwoAndWritesNoFile()
    {
        using var temp = seed.Scratch();
        Directory.CreateDirectory(temp["bad"]);
        File.WriteAllText(Path.Combine(temp["bad"], "model.json"), "{ not json");
        File.Copy(Path.Combine(seed.RunFolder, "model.safetensors"), Path.Combine(temp["bad"], "model.safetensors"));
        CliAssert.UserError(Cli.Run(temp.Path, "export", "--model", "bad", "--onnx", "m.onnx"), "model.json");
        Assert.False(File.Exists(temp["m.onnx"]));
    }
}
