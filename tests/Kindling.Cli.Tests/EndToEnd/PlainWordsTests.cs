using System.Text.RegularExpressions;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Issue 16: every message a bad command line gives is in the user's words: a non-zero exit, one
/// "kindling: error:" line naming the option, command or file, and no .NET type or exception name on stderr.</summary>
public sealed partial class PlainWordsTests
{
    /// <summary>What a user must never read: "System.Int32", "Nullable`1", "FormatException", ...</summary>
    [GeneratedRegex(@"System\.|\(Parameter '|\b(Int16|Int32|Int64|UInt32|UInt64|Double|Single|Decimal|Boolean|Nullable)\b|`1|[A-Z][a-z]+Exception\b")]
    private static partial Regex DotNetName();

    public static TheoryData<string, string> BadCommandLines => new()
    {
        // One bad number for every numeric option: the option, what it takes, and the value given.
        { "train --epochs abc", "--epochs must be a whole number, got 'abc'" },
        { "train --epochs 2.5", "--epochs must be a whole number, got '2.5'" },
        { "train --epochs 99999999999", "--epochs must be a whole number, got '99999999999'" },
        { "train --batch-size x", "--batch-size must be a whole number, got 'x'" },
        { "train --early-stopping soon", "--early-stopping must be a whole number, got 'soon'" },
        { "train --seed 1.5", "--seed must be a whole number, got '1.5'" },
        { "train --split-seed s", "--split-seed must be a whole number, got 's'" },
        { "train --threads many", "--threads must be a whole number, got 'many'" },
        { "train --checkpoint-every often", "--checkpoint-every must be a whole number, got 'often'" },
        { "train --keep-checkpoints all", "--keep-checkpoints must be a whole number, got 'all'" },
        { "train --lr x", "--lr must be a number, got 'x'" },
        { "train --dropout half", "--dropout must be a number, got 'half'" },
        { "train --weight-decay 1e", "--weight-decay must be a number, got '1e'" },
        // A value outside a fixed list names the list.
        { "train --optimizer foo", "--optimizer must be one of adam, adamw, sgd; got 'foo'" },
        { "train --activation swish", "--activation must be one of gelu, leaky_relu, relu, sigmoid, tanh; got 'swish'" },
        { "train --impute magic", "--impute must be one of constant, mean, median, most_frequent; got 'magic'" },
        { "train --class-weight heavy", "--class-weight must be one of balanced; got 'heavy'" },
        // Missing values, unknown words, missing required options and arguments.
        { "train --epochs", "--epochs needs a value" },
        { "train --frobnicate 1", "unknown option '--frobnicate' for 'kindling train'" },
        { "frob", "unknown command 'frob'; the commands are train, evaluate, predict, export, inspect" },
        { "", "no command given; the commands are train, evaluate, predict, export, inspect" },
        { "predict --data wineqt", "--model is required" },
        { "evaluate --model run", "--data is required" },
        { "inspect", "'kindling inspect' needs PATH" },
        { "train --stratify maybe", "unexpected argument 'maybe' for 'kindling train'" },
        // Failures found after parsing: a missing file, an unknown column, a missing run folder.
        { "train --data missing.csv --target y", "missing.csv: file not found" },
        { "inspect missing.csv", "missing.csv: file not found" },
        { "train --target nope", "--target: column 'nope' is not in wineqt" },
        { "predict --model nowhere --data wineqt", "nowhere: no such run folder" },
        // An ArgumentException from the library keeps its words but not .NET's " (Parameter 'y')" tail.
        { "train --test-size 1 --stratify", "--test-size: The test size = 1 should be greater or equal to the number of classes = 6." },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void BadCommandLine_OneLineInTheUsersWords(string commandLine, string expected)
    {
        using var temp = new TempFolder();
        var r = Cli.Run(temp.Path, commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.True(r.ExitCode != 0, r.ToString());
        var errors = r.Stderr.Split('\n').Where(l => l.StartsWith("kindling: error: ", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.True(error.StartsWith($"kindling: error: {expected}", StringComparison.Ordinal), $"expected '{expected}'\n{r}");
        foreach (var line in r.Stderr.Split('\n'))
            Assert.False(DotNetName().IsMatch(line), $"a .NET name on stderr: {line}\n{r}");
        CliAssert.NoStackTrace(r);
    }

    [Fact]
    public void TwoBadOptions_EachGetsItsOwnLine()
    {
        using var temp = new TempFolder();
        var r = Cli.Run(temp.Path, "train", "--epochs", "abc", "--lr", "x");
        CliAssert.UserError(r, "--epochs must be a whole number, got 'abc'", "--lr must be a number, got 'x'");
        Assert.DoesNotMatch(DotNetName(), r.Stderr);
    }
}
