using System.Text;
using System.Text.Json;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>WineQT with a two-class target, good = quality ≥ 6 ("no"/"yes", so class 1 is "yes"), and two runs on it:
/// the default threshold, and <c>--threshold auto</c> on stratified validation rows.</summary>
public sealed class BinaryTargetFixture : IDisposable
{
    readonly TempFolder _temp = new();
    public static readonly string[] Classes = ["no", "yes"];

    public BinaryTargetFixture()
    {
        var lines = File.ReadAllLines(Repo.WineQtCsv);
        var header = lines[0].Split(',');
        int quality = Array.IndexOf(header, "quality");
        var all = new StringBuilder(string.Join(',', header.Where((_, j) => j != quality).Append("good")) + "\n");
        var features = new StringBuilder(string.Join(',', header.Where((_, j) => j != quality)) + "\n");
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split(',');
            var kept = cells.Where((_, j) => j != quality).ToArray();
            all.Append(string.Join(',', kept)).Append(',').Append(int.Parse(cells[quality], System.Globalization.CultureInfo.InvariantCulture) >= 6 ? "yes" : "no").Append('\n');
            features.Append(string.Join(',', kept)).Append('\n');
        }
        Labelled = _temp["wine-good.csv"];
        Unlabelled = _temp["wine-features.csv"];
        File.WriteAllText(Labelled, all.ToString());
        File.WriteAllText(Unlabelled, features.ToString());

        Default = Train("default");
        DefaultJson = CliAssert.SingleJsonObject(Default);
        Auto = Train("auto", "--threshold", "auto", "--val-size", "0.2", "--stratify");
        AutoJson = CliAssert.SingleJsonObject(Auto);
    }

    CliResult Train(string name, params string[] extra)
    {
        var r = Cli.Run(_temp.Path, ["train", "--data", Labelled, "--target", "good", "--drop", "Id", "--standardize", "--epochs", "30", "--json", "--out", name, .. extra]);
        CliAssert.Success(r);
        return r;
    }

    internal CliResult Default { get; }
    public JsonElement DefaultJson { get; }
    internal CliResult Auto { get; }
    public JsonElement AutoJson { get; }
    public string Labelled { get; }
    public string Unlabelled { get; }
    public string Folder(string run) => _temp[run];
    internal TempFolder Scratch() => new();

    public void Dispose() => _temp.Dispose();
}
