using System.Text.Json;
using Kindling.Cli.Tests.EndToEnd;

namespace Kindling.Cli.Tests.Reports;

/// <summary><c>kindling report</c> on the seed run and a standardised mini-batch run (the PyTorch oracle's
/// <c>minibatch_standardize</c> option set): both curves, both accuracies, the differing options.</summary>
[Collection(SeedRunCollection.Name)]
public sealed class ReportCommandTests(SeedRunFixture seed)
{
    /// <summary>Accuracy is a count over 229 rows: four places tell any two counts apart.</summary>
    const int AccuracyDigits = 4;

    internal static (string Html, JsonElement Json) CompareWithStandardized(SeedRunFixture seed, TempFolder temp)
    {
        var oracle = Repo.Fixture("cli_runs.json").GetProperty("runs").GetProperty("minibatch_standardize");
        var args = new[] { "train", "--out", "standardized" }.Concat(oracle.GetProperty("kindling_args").EnumerateArray().Select(a => a.GetString()!)).ToArray();
        CliAssert.Success(EndToEnd.Cli.Run(temp.Path, args));
        var report = EndToEnd.Cli.Run(temp.Path, "report", seed.RunFolder, "standardized", "--output", "cmp.html", "--json");
        CliAssert.Success(report);
        return (File.ReadAllText(temp["cmp.html"]), CliAssert.SingleJsonObject(report));
    }

    [Fact]
    public void Report_TwoRuns_ShowsBothCurvesAndAccuracies()
    {
        using var temp = seed.Scratch();
        var (html, json) = CompareWithStandardized(seed, temp);
        var oracle = Repo.Fixture("cli_runs.json").GetProperty("runs");
        var runs = json.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(["seed", "standardized"], runs.Select(r => r.GetProperty("name").GetString()));
        Assert.Equal(oracle.GetProperty("seed").GetProperty("test_accuracy").GetDouble(),
            runs[0].GetProperty("metrics").GetProperty("accuracy").GetDouble(), AccuracyDigits);
        Assert.Equal(oracle.GetProperty("minibatch_standardize").GetProperty("test_accuracy").GetDouble(),
            runs[1].GetProperty("metrics").GetProperty("accuracy").GetDouble(), AccuracyDigits);
        Assert.Equal(["seed"], json.GetProperty("best").GetProperty("accuracy").EnumerateArray().Select(e => e.GetString()));
        var differing = json.GetProperty("differing_options").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("standardize", differing);
        Assert.Contains("batch_size", differing);
        Assert.DoesNotContain("seed", differing);

        Assert.Contains("data-series=\"seed train\"", html);
        Assert.Contains("data-series=\"standardized train\"", html);
        Assert.Contains("<td class=\"best\">0.6681 ★</td>", html);
        Assert.Contains("<td>0.6507</td>", html);
        Assert.Contains("<tr class=\"differs\"><th scope=\"row\">standardize ≠</th>", html);
    }

    [Fact]
    public void Report_OneRun_RewritesItsReport()
    {
        using var temp = seed.Scratch();
        var r = EndToEnd.Cli.Run(temp.Path, "report", seed.RunFolder, "--output", "again.html");
        CliAssert.Success(r);
        Assert.Contains("0.6681", File.ReadAllText(temp["again.html"]));
    }

    [Fact]
    public void Report_NotARunFolder_SaysSo()
    {
        using var temp = seed.Scratch();
        CliAssert.UserError(EndToEnd.Cli.Run(temp.Path, "report", temp.Path), "model.json");
    }
}
