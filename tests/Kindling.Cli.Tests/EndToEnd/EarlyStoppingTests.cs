using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary><c>--early-stopping</c>: without <c>--val-size</c> a validation part is held out of the training rows
/// (never the test rows), and the restored epoch is named in the summary, history.csv and the plots.</summary>
public sealed partial class EarlyStoppingTests
{
    static JsonElement TrainJson(TempFolder temp, string run, params string[] args)
    {
        var r = Cli.Run(temp.Path, ["train", "--json", "--out", run, "--epochs", "40", .. args]);
        CliAssert.Success(r);
        return CliAssert.SingleJsonObject(r);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Train_EarlyStoppingWithoutValSize_HoldsOutTenPercentOfTheTrainingRowsAsValSizeWould(bool stratify)
    {
        using var temp = new TempFolder();
        string[] split = stratify ? ["--stratify"] : [];
        var auto = TrainJson(temp, "auto", ["--early-stopping", "5", .. split]);
        var given = TrainJson(temp, "given", ["--early-stopping", "5", "--val-size", "0.1", .. split]);

        // scikit-learn's train_test_split: ceil(0.2 · 1143) = 229 test rows first, then ceil(0.1 · 914) = 92
        // validation rows out of the training part only; the test rows are those of a run without validation.
        Assert.Equal((822, 92, 229), (auto.GetProperty("n_train").GetInt32(), auto.GetProperty("n_val").GetInt32(), auto.GetProperty("n_test").GetInt32()));
        // The same rows as an explicit --val-size 0.1 (stratified as the split): the same curves, the same test score.
        Assert.Equal(CliAssert.Doubles(given.GetProperty("val_loss")), CliAssert.Doubles(auto.GetProperty("val_loss")));
        Assert.Equal(CliAssert.Doubles(given.GetProperty("train_loss")), CliAssert.Doubles(auto.GetProperty("train_loss")));
        Assert.Equal(given.GetProperty("test_accuracy").GetDouble(), auto.GetProperty("test_accuracy").GetDouble());
        var notes = auto.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Contains(notes, n => n.StartsWith("early stopping: held out 92 of the 914 training rows", StringComparison.Ordinal));
        Assert.DoesNotContain(given.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("held out", StringComparison.Ordinal));
        var training = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp["auto"], "model.json"))).RootElement.GetProperty("training");
        Assert.True(training.GetProperty("val_size_auto").GetBoolean());
        Assert.Equal("0.1", training.GetProperty("val_size").GetString());
    }

    [Fact]
    public void Train_WithoutEarlyStopping_HoldsNothingOut()
    {
        using var temp = new TempFolder();
        var json = TrainJson(temp, "run");
        Assert.Equal((914, 0), (json.GetProperty("n_train").GetInt32(), json.GetProperty("n_val").GetInt32()));
    }

    [Fact]
    public void Train_EarlyStoppingOnTooFewRows_RefusesNamingValSize()
    {
        using var temp = new TempFolder();
        // One training row: holding out 10% of it would leave none to train on.
        File.WriteAllText(temp["tiny.csv"], "x,y\n1,a\n2,b\n");
        var r = Cli.Run(temp.Path, "train", "--data", "tiny.csv", "--target", "y", "--test-size", "1", "--early-stopping", "2", "--out", "run");
        CliAssert.UserError(r, "--early-stopping", "--val-size");
        Assert.False(Directory.Exists(temp["run"]));
    }

    [Fact]
    public void Train_EarlyStopping_NamesTheRestoredEpochInSummaryHistoryAndPlots()
    {
        using var temp = new TempFolder();
        var r = Cli.Run(temp.Path, "train", "--out", "run", "--val-size", "0.1", "--early-stopping", "3", "--epochs", "60",
            "--batch-size", "32", "--standardize", "--lr", "0.05");
        CliAssert.Success(r);
        var row = RestoredRow().Match(r.Stdout);
        Assert.True(row.Success, $"no 'restored epoch' row\n{r}");
        int restored = int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("last epoch", r.Stdout);
        Assert.Contains($"epochs: {restored} is the model saved and tested", r.Stdout);

        var lines = File.ReadAllLines(Path.Combine(temp["run"], "history.csv"));
        var header = lines[0].Split(',');
        Assert.Equal(["epoch", "train_loss", "val_loss", "val_accuracy", "lr", "seconds", "train_accuracy", "restored"], header);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal([restored.ToString(System.Globalization.CultureInfo.InvariantCulture)], rows.Where(f => f[7] == "1").Select(f => f[0]));
        // The restored epoch is the lowest validation loss, and the summary prints its numbers, not the last epoch's.
        var valLoss = rows.Select(f => double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(valLoss.Min(), valLoss[restored - 1]);
        Assert.Contains($"validation loss {valLoss[restored - 1].ToString("F6", System.Globalization.CultureInfo.InvariantCulture)}", row.Value);
        Assert.All(rows, f => Assert.InRange(double.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture), 0, 1));

        foreach (var plot in new[] { "loss.svg", "accuracy.svg" })
            Assert.Contains($"restored: epoch {restored}", File.ReadAllText(Path.Combine(temp["run"], plot)));
        Assert.Contains("training (n = 822) and validation (n = 92) sets", File.ReadAllText(Path.Combine(temp["run"], "loss.svg")));
        Assert.Contains("Confusion matrix — test set, n = 229", File.ReadAllText(Path.Combine(temp["run"], "confusion.svg")));
    }

    [GeneratedRegex(@"restored epoch +(\d+): [^\n]*")]
    private static partial Regex RestoredRow();
}
