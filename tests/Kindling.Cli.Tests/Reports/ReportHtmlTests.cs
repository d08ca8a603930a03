using System.Text.Json;
using System.Text.RegularExpressions;
using Kindling.Cli.Tests.EndToEnd;

namespace Kindling.Cli.Tests.Reports;

/// <summary>report.html of the seed run, read as text: the numbers the CLI printed, the baseline scikit-learn's
/// DummyClassifier scores, and nothing that could load from or call out to the network.</summary>
[Collection(SeedRunCollection.Name)]
public sealed class ReportHtmlTests(SeedRunFixture seed)
{
    /// <summary>The fixture stores float64 from scikit-learn; Kindling's metrics are computed in float64 too.</summary>
    const double BaselineTolerance = 1e-12;

    string Report => File.ReadAllText(Path.Combine(seed.RunFolder, "report.html"));

    [Fact]
    public void Train_WritesReport_WithTestAccuracyAndLossCurve()
    {
        var html = Report;
        Assert.Matches("data-metric=\"accuracy\"><div class=\"label\">Test accuracy</div><div class=\"value\">0.6681</div>", html);
        Assert.Contains("<svg class=\"chart\"", html);
        Assert.Contains("Suggested epochs: 76.", html);
        Assert.Contains("<table id=\"confusion\">", html);
        Assert.Contains("7e38cc28812d08f521ee19e29e9d3622cde03464ff5e9a8b14aa991ec74ae49e", html);   // WineQT's sha256
    }

    [Fact]
    public void ModelJson_Baseline_MatchesScikitLearnDummyClassifier()
    {
        var expected = Repo.Fixture("report_baseline.json");
        using var model = JsonDocument.Parse(File.ReadAllText(Path.Combine(seed.RunFolder, "model.json")));
        var baseline = model.RootElement.GetProperty("data").GetProperty("baseline");
        Assert.Equal(expected.GetProperty("class").GetString(), baseline.GetProperty("class").GetString());
        foreach (var key in new[] { "accuracy", "macro_f1", "balanced_accuracy" })
            Assert.Equal(expected.GetProperty(key).GetDouble(), baseline.GetProperty(key).GetDouble(), BaselineTolerance);
        Assert.Contains("constant baseline 0.4192", Report);
    }

    [Fact]
    public void Report_IsSelfContained()
    {
        var html = Report;
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#x27;none&#x27;", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        var external = Regex.Matches(html, "(?:src|href)=\"([^\"]*)\"").Select(m => m.Groups[1].Value).Where(u => u.Contains(':')).ToList();
        Assert.All(external, u => Assert.StartsWith("data:", u));
    }
}
