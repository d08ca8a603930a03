using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>A user's CSV written by the test — numeric and categorical (string) features, missing values in both,
/// string class labels and three rows without a label — and one training run on it.</summary>
public sealed class UserCsvFixture : IDisposable
{
    readonly TempFolder _temp = new();
    public static readonly string[] Classes = ["bird", "cat", "dog"];
    public const int RowsWithoutLabel = 3;

    public UserCsvFixture()
    {
        var rng = new System.Random(20240611);
        var all = new StringBuilder("id,width,height,color,shape,label\n");
        var unlabelled = new StringBuilder("id,width,height,color,shape\n");
        string[] colors = ["red", "green", "blue"], shapes = ["round", "square"];
        for (int i = 0; i < 240; i++)
        {
            double width = Math.Round(rng.NextDouble() * 10, 2), height = Math.Round(rng.NextDouble() * 100, 1);
            string color = colors[rng.Next(3)], shape = shapes[rng.Next(2)];
            string label = width > 6 ? "dog" : color == "red" || shape == "square" && height > 50 ? "cat" : "bird";
            // Missing cells in every feature kind, in Kindling's (and pandas') spellings.
            string w = i % 17 == 3 ? "" : width.ToString(CultureInfo.InvariantCulture);
            string h = i % 13 == 5 ? "NA" : height.ToString(CultureInfo.InvariantCulture);
            string c = i % 11 == 7 ? "" : color;
            if (i % 80 == 40) label = ""; // 3 rows whose target is missing
            all.Append(CultureInfo.InvariantCulture, $"{i},{w},{h},{c},{shape},{label}\n");
            unlabelled.Append(CultureInfo.InvariantCulture, $"{i},{w},{h},{c},{shape}\n");
        }
        // A category never seen in training: one-hot gives all zeros, as OneHotEncoder(handle_unknown="ignore").
        unlabelled.Append("999,5.5,42,purple,round\n");
        Labelled = _temp["pets.csv"];
        Unlabelled = _temp["pets-new.csv"];
        File.WriteAllText(Labelled, all.ToString());
        File.WriteAllText(Unlabelled, unlabelled.ToString());

        Train = Cli.Run(_temp.Path, "train", "--data", "pets.csv", "--target", "label", "--drop", "id", "--standardize", "--epochs", "40", "--lr", "0.05", "--json", "--out", "run");
        CliAssert.Success(Train);
        Json = CliAssert.SingleJsonObject(Train);
        RunFolder = _temp["run"];
    }

    internal CliResult Train { get; }
    public JsonElement Json { get; }
    public string RunFolder { get; }
    /// <summary>pets.csv: with the label column.</summary>
    public string Labelled { get; }
    /// <summary>pets-new.csv: the same rows without the label column, plus one row with an unseen color.</summary>
    public string Unlabelled { get; }

    internal TempFolder Scratch() => new();

    public void Dispose() => _temp.Dispose();
}
