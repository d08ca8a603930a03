using Kindling.Cli.Tests.EndToEnd;

namespace Kindling.Cli.Tests.Reports;

/// <summary>report.html opened in headless Chromium: it renders (a screenshot that is not blank), shows the numbers,
/// logs nothing to the console and requests nothing beyond the file.</summary>
[Collection(SeedRunCollection.Name)]
public sealed class BrowserTests(SeedRunFixture seed)
{
    /// <summary>A blank page is one colour; the seed report has text, tables and a curve (measured: hundreds).</summary>
    const int MinColours = 20;

    [BrowserFact]
    public void SeedReport_InChromium_ShowsAccuracyAndLossPlot()
    {
        using var scratch = seed.Scratch();
        var visit = Chromium.Visit(new Uri(Path.Combine(seed.RunFolder, "report.html")).AbsoluteUri, scratch.Path);
        Assert.Contains("0.6681", visit.Dom);
        Assert.Contains("<svg class=\"chart\"", visit.Dom);
        Assert.Contains("<polyline", visit.Dom);
        Assert.Empty(visit.Console);
        Assert.All(visit.Requests, u => Assert.True(u.StartsWith("file:", StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal), u));
        Assert.True(Screenshot.DistinctColours(visit.Screenshot) >= MinColours, "the screenshot is blank");
    }

    [BrowserFact]
    public void SeedReport_At375Pixels_Renders()
    {
        using var scratch = seed.Scratch();
        var visit = Chromium.Visit(new Uri(Path.Combine(seed.RunFolder, "report.html")).AbsoluteUri, scratch.Path, width: 375, height: 1600);
        Assert.Empty(visit.Console);
        Assert.True(Screenshot.DistinctColours(visit.Screenshot) >= MinColours, "the screenshot is blank");
    }

    [BrowserFact]
    public void HostileReport_InChromium_RendersMarkupAsText()
    {
        using var temp = new TempFolder();
        var run = HostileCsvTests.TrainHostileRun(temp);
        var visit = Chromium.Visit(new Uri(Path.Combine(run, "report.html")).AbsoluteUri, temp.Path);
        // The serialised DOM escapes text again: had the header become an element, "<script>" would appear bare.
        Assert.DoesNotContain("<script", visit.Dom, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", visit.Dom);
        Assert.Empty(visit.Console);
    }

    [BrowserFact]
    public void Comparison_InChromium_ShowsBothRuns()
    {
        using var temp = seed.Scratch();
        ReportCommandTests.CompareWithStandardized(seed, temp);
        var visit = Chromium.Visit(new Uri(temp["cmp.html"]).AbsoluteUri, temp.Path);
        Assert.Contains("0.6681", visit.Dom);
        Assert.Contains("0.6507", visit.Dom);
        Assert.Contains("data-series=\"standardized train\"", visit.Dom);
        Assert.Empty(visit.Console);
        Assert.All(visit.Requests, u => Assert.True(u.StartsWith("file:", StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal), u));
        Assert.True(Screenshot.DistinctColours(visit.Screenshot) >= MinColours, "the screenshot is blank");
    }
}
