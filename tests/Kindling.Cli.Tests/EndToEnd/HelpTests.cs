namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>A CLI that says its own name (issue 15, item 6): usage lines say `kindling`, not the assembly's name, and
/// every command's help ends with examples.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("kindling [command] [options]")]
    [InlineData("kindling train [options]", "train")]
    [InlineData("kindling evaluate [options]", "evaluate")]
    [InlineData("kindling predict [options]", "predict")]
    [InlineData("kindling export [options]", "export")]
    [InlineData("kindling inspect <PATH> [options]", "inspect")]
    [InlineData("kindling clean [<DIR>...] [options]", "clean")]
    [InlineData("kindling report <RUN>... [options]", "report")]
    public void Help_UsageSaysKindlingAndShowsExamples(string usage, string? command = null)
    {
        using var temp = new TempFolder();
        var r = command is null ? Cli.Run(temp.Path, "--help") : Cli.Run(temp.Path, command, "--help");
        CliAssert.Success(r);
        Assert.Contains(usage, r.Stdout);
        Assert.DoesNotContain("Kindling.Cli", r.Stdout);
        int examples = r.Stdout.IndexOf("Examples:", StringComparison.Ordinal);
        Assert.True(examples > 0, r.ToString());
        var lines = r.Stdout[examples..].Split('\n').Skip(1).TakeWhile(l => l.Length > 0).ToArray();
        Assert.InRange(lines.Length, 1, 3);
        Assert.All(lines, l => Assert.StartsWith("  kindling ", l.Replace("  zcat ", "  kindling ").Replace("  cat ", "  kindling ").Replace("  gunzip ", "  kindling ")));
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        using var temp = new TempFolder();
        var r = Cli.Run(temp.Path, "--version");
        CliAssert.Success(r);
        Assert.Matches(@"^\d+\.\d+\.\d+", r.Stdout);
    }

    [Fact]
    public void ParseError_PointsAtKindlingHelp()
    {
        using var temp = new TempFolder();
        var r = Cli.Run(temp.Path, "train", "--frob");
        CliAssert.UserError(r, "--frob");
        Assert.Contains("kindling --help", r.Stderr);
    }
}
