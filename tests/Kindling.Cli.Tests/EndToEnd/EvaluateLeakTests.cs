using System.Globalization;
using System.Text;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Honest evaluation (issue 15, item 4): evaluate warns when given the very file the model was trained on
/// (model.json's sha256), or another file holding its training rows; a held-out file gets no warning.</summary>
public sealed class EvaluateLeakTests
{
    // Random rows (no two alike), split into a training file and a disjoint held-out file.
    static (string Train, string Heldout) Files(TempFolder temp)
    {
        var rng = new System.Random(4);
        var train = new StringBuilder("a,b,kind,label\n");
        var heldout = new StringBuilder("a,b,kind,label\n");
        for (int i = 0; i < 600; i++)
        {
            double a = rng.NextDouble(), b = rng.NextDouble();
            string row = string.Create(CultureInfo.InvariantCulture, $"{a:R},{b:R},k{rng.Next(4)},{(a + b > 1 ? "hi" : "lo")}\n");
            (i < 400 ? train : heldout).Append(row);
        }
        File.WriteAllText(temp["train.csv"], train.ToString());
        File.WriteAllText(temp["heldout.csv"], heldout.ToString());
        return (temp["train.csv"], temp["heldout.csv"]);
    }

    [Fact]
    public void Evaluate_TheTrainingFile_WarnsOfTheLeakBySha256()
    {
        using var temp = new TempFolder();
        var (train, _) = Files(temp);
        CliAssert.Success(Cli.Run(temp.Path, "train", "--data", train, "--target", "label", "--epochs", "3", "--json", "--out", "run"));
        var r = Cli.Run(temp.Path, "evaluate", "--model", "run", "--data", train, "--json");
        CliAssert.Success(r);
        Assert.Contains("warning: this is the very data the model was trained on", r.Stderr);
        CliAssert.SingleJsonObject(r);  // stdout stays one JSON object
    }

    [Fact]
    public void Evaluate_EmbeddedWineQtAfterTrainingOnIt_Warns()
    {
        using var temp = new TempFolder();
        CliAssert.Success(Cli.Run(temp.Path, "train", "--epochs", "3", "--json", "--out", "run"));
        var r = Cli.Run(temp.Path, "evaluate", "--model", "run", "--data", "wineqt");
        CliAssert.Success(r);
        Assert.Contains("the very data the model was trained on", r.Stderr);
    }

    [Fact]
    public void Evaluate_ADifferentFileHoldingTheTrainingRows_WarnsByRows()
    {
        using var temp = new TempFolder();
        var (train, heldout) = Files(temp);
        CliAssert.Success(Cli.Run(temp.Path, "train", "--data", train, "--target", "label", "--epochs", "3", "--json", "--out", "run"));
        // The same rows, reordered, CRLF line ends and an extra column: another sha256, the same training rows.
        var lines = File.ReadAllLines(train);
        var mixed = new[] { lines[0] + ",note" }.Concat(lines.Skip(1).Reverse().Select(l => l + ",x"))
            .Concat(File.ReadAllLines(heldout).Skip(1).Select(l => l + ",y"));
        File.WriteAllText(temp["mixed.csv"], string.Join("\r\n", mixed) + "\r\n");
        var r = Cli.Run(temp.Path, "evaluate", "--model", "run", "--data", "mixed.csv");
        CliAssert.Success(r);
        // 320 training rows (400 less the test split's 80) among 600 rows.
        Assert.Contains("warning: 320 of the 600 rows checked (53%) are identical to rows the model was trained on", r.Stderr);
    }

    [Fact]
    public void Evaluate_HeldOutFile_NoWarning()
    {
        using var temp = new TempFolder();
        var (train, heldout) = Files(temp);
        CliAssert.Success(Cli.Run(temp.Path, "train", "--data", train, "--target", "label", "--epochs", "3", "--json", "--out", "run"));
        var r = Cli.Run(temp.Path, "evaluate", "--model", "run", "--data", heldout);
        CliAssert.Success(r);
        Assert.DoesNotContain("warning", r.Stderr);
    }
}
