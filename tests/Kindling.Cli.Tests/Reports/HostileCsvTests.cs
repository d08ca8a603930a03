using System.Text;
using Kindling.Cli.Tests.EndToEnd;

namespace Kindling.Cli.Tests.Reports;

/// <summary>Column names and class labels come from the user's CSV: markup in them must reach report.html as text.</summary>
public sealed class HostileCsvTests
{
    internal const string Header = "<script>alert(1)</script>";
    internal const string Label = "&<>\"'";

    /// <summary>A small CSV whose first feature is named <see cref="Header"/> and whose target has the class
    /// <see cref="Label"/>; trains in a moment.</summary>
    internal static string TrainHostileRun(TempFolder temp)
    {
        var csv = new StringBuilder($"{Header},x2,label\n");
        for (int i = 0; i < 60; i++) csv.Append($"{i % 7},{(i * 3) % 5},{(i % 2 == 0 ? "plain" : "\"&<>\"\"'\"")}\n");
        File.WriteAllText(temp["hostile.csv"], csv.ToString());
        var train = EndToEnd.Cli.Run(temp.Path, "train", "--data", "hostile.csv", "--target", "label", "--epochs", "3", "--out", "run");
        CliAssert.Success(train);
        return temp["run"];
    }

    [Fact]
    public void Report_HostileHeaderAndLabel_AreEscaped()
    {
        using var temp = new TempFolder();
        var html = File.ReadAllText(Path.Combine(TrainHostileRun(temp), "report.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.Contains("&amp;&lt;&gt;&quot;&#x27;", html);
    }
}
