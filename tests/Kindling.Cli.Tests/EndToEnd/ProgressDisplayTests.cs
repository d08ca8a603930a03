using System.Text.RegularExpressions;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>The training progress on a terminal (checked under a pseudo-terminal) and when piped.</summary>
public sealed partial class ProgressDisplayTests
{
    [PseudoTerminalFact]
    public void Train_NoColorOnATerminal_StillShowsTheLiveBarWithoutColour()
    {
        using var temp = new TempFolder();
        var (exit, output) = PseudoTerminal.Run(temp.Path, new Dictionary<string, string> { ["NO_COLOR"] = "1" },
            "train", "--epochs", "30", "--val-size", "0.1", "--early-stopping", "3", "--lr", "0.05", "--log-every", "2", "--out", "run");
        Assert.True(exit == 0, output);
        Assert.Contains("━", output);                       // the bar
        Assert.Contains("100%", output);                    // completed, though early stopping ended the run
        Assert.Contains("stopped early", output);
        Assert.Contains("epochs/s", output);                // throughput
        Assert.Matches(@"epoch +2  loss [0-9.]+  val_loss [0-9.]+  val_acc [0-9.]+", output);   // --log-every 2 keeps lines
        Assert.DoesNotMatch(Colour(), output);
    }

    [Fact]
    public void Train_Piped_PrintsLinesWithThroughputAndTheEpochEarlyStoppingEndedOn()
    {
        using var temp = new TempFolder();
        var r = Cli.Run(temp.Path, "train", "--epochs", "60", "--val-size", "0.1", "--early-stopping", "3", "--lr", "0.05", "--log-every", "1", "--out", "run");
        CliAssert.Success(r);
        var lines = r.Stdout.Split('\n').Where(l => l.StartsWith("epoch ", StringComparison.Ordinal)).ToList();
        int trained = File.ReadAllLines(Path.Combine(temp["run"], "history.csv")).Length - 1;
        Assert.True(trained < 60, r.ToString());
        Assert.Equal(trained, lines.Count);
        Assert.All(lines, l => Assert.Matches(@"val_acc [0-9.]+ +· [0-9.]+ (epochs/s|s/epoch)", l));
        Assert.Contains("left", lines[0]);
    }

    [Fact]
    public void Train_LogEveryZero_ExitsTwoNamingTheOption()
    {
        using var temp = new TempFolder();
        CliAssert.UserError(Cli.Run(temp.Path, "train", "--log-every", "0", "--out", "run"), "--log-every");
    }

    // SGR foreground/background colours: 30–37, 38;…, 40–47, 48;…, 90–97, 100–107.
    [GeneratedRegex(@"\x1b\[(?:\d+;)*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;\d+)*m")]
    private static partial Regex Colour();
}
