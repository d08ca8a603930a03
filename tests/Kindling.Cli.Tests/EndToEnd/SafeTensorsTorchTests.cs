using System.Diagnostics;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>A run folder read by PyTorch: tools/reference/safetensors_check.py rebuilds the torch.nn.Sequential from
/// model.json, loads model.safetensors with load_state_dict(strict=True), applies model.json's preprocessing to
/// the raw CSV itself and must give Kindling's labels exactly and probabilities within 1e-5.</summary>
[Collection(SeedRunCollection.Name)]
public sealed class SafeTensorsTorchTests(SeedRunFixture seed)
{
    const string Python = PythonReference.Python;
    static readonly string Script = Path.Combine(Repo.Root, "tools", "reference", "safetensors_check.py");

    static void CheckWithTorch(string runFolder, string data, TempFolder temp, bool proba = true)
    {
        PythonReference.Require("torch", "numpy");
        CliAssert.Success(Cli.Run(temp.Path, ["predict", "--model", runFolder, "--data", data, .. proba ? ["--proba"] : Array.Empty<string>(), "--output", "kindling.csv"]));
        using var p = Process.Start(new ProcessStartInfo(Python, [Script, "predict", "--model", runFolder, "--data", data, "--expected", temp["kindling.csv"]])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        string report = $"{stdout.Result}\n{stderr.Result}";
        Assert.True(p.ExitCode == 0, $"safetensors_check.py predict failed:\n{report}");
        Assert.Contains(", 0 differ", report);
    }

    [SkippableFact]
    public void SeedRun_PyTorchReproducesPredictionsOnWineQt_MatchesPyTorch()
    {
        using var temp = seed.Scratch();
        CheckWithTorch(seed.RunFolder, Repo.WineQtCsv, temp);
    }

    [SkippableFact]
    public void RegressionRun_PyTorchReproducesDescaledPredictions_MatchesPyTorch()
    {
        using var temp = seed.Scratch();
        CliAssert.Success(Cli.Run(temp.Path, "train", "--target", "alcohol", "--standardize", "--epochs", "20", "--out", "regression", "--json"));
        CheckWithTorch(temp["regression"], Repo.WineQtCsv, temp, proba: false);
    }

    [SkippableFact]
    public void CategoricalStandardizedRun_PyTorchReproducesPredictionsOnRawRows_MatchesPyTorch()
    {
        using var pets = new UserCsvFixture();
        using var temp = seed.Scratch();
        CheckWithTorch(pets.RunFolder, pets.Unlabelled, temp);
    }
}
