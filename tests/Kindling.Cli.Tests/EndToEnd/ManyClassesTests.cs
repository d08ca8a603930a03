using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Issue 16: a target with 1,000 classes (2,286 rows, 5 epochs) finishes in seconds with a small run folder:
/// past 50 classes metrics.json and the confusion plot keep only the classes worth reading.</summary>
public sealed class ManyClassesTests
{
    const int Classes = 1000;
    const int Rows = 2286;

    /// <summary>Every class twice, then 286 more rows; four numeric features that depend on the class plus noise.</summary>
    static void WriteCsv(string path)
    {
        var random = new System.Random(16);
        var csv = new StringBuilder("f1,f2,f3,f4,label\n");
        for (int r = 0; r < Rows; r++)
        {
            int c = r < 2 * Classes ? r % Classes : random.Next(Classes);
            csv.Append(CultureInfo.InvariantCulture,
                $"{c / 100.0 + random.NextDouble():F4},{c % 37 + random.NextDouble():F4},{Math.Sin(c) + random.NextDouble() / 10:F4},{random.NextDouble():F4},k{c:D4}\n");
        }
        File.WriteAllText(path, csv.ToString());
    }

    [Fact]
    public void Train_ThousandClassesFiveEpochs_FinishesFastWithABoundedRunFolder()
    {
        using var temp = new TempFolder();
        WriteCsv(temp["many.csv"]);
        var clock = Stopwatch.StartNew();
        var r = Cli.Run(temp.Path, "train", "--data", "many.csv", "--target", "label", "--epochs", "5", "--json", "--out", "run");
        clock.Stop();
        CliAssert.Success(r);
        // The acceptance bound (it took minutes and wrote ~300 MB before); the run itself takes a few seconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}\n{r}");
        long bytes = new DirectoryInfo(temp["run"]).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        Assert.True(bytes < 5_000_000, $"run folder holds {bytes} bytes");

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp["run"], "metrics.json")));
        var root = metrics.RootElement;
        Assert.Equal(Classes, root.GetProperty("num_classes").GetInt32());
        Assert.Equal(Classes, root.GetProperty("class_names").GetArrayLength());
        Assert.Equal(50, root.GetProperty("per_class").GetArrayLength());
        Assert.Equal(50, root.GetProperty("confusion_matrix").GetArrayLength());
        Assert.Equal(50, root.GetProperty("confusion_matrix").EnumerateArray().First().GetArrayLength());
        Assert.Equal(50, root.GetProperty("confusion_matrix_labels").GetArrayLength());
        Assert.True(root.GetProperty("macro_average").GetProperty("f_score").ValueKind == JsonValueKind.Number);
        Assert.Contains(root.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("more than 50", StringComparison.Ordinal));
        foreach (var file in new[] { "confusion.png", "confusion.svg", "loss.png", "loss.svg" })
            Assert.True(File.Exists(Path.Combine(temp["run"], file)), file);

        using var json = JsonDocument.Parse(r.Stdout);
        Assert.Contains("too few to judge convergence; try --epochs 50", json.RootElement.GetProperty("convergence").GetString(), StringComparison.Ordinal);
    }
}
