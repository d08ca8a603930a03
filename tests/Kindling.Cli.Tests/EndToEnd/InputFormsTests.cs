using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Input as users have it (issue 15, item 3): gzip (and the other compressions .NET reads) and '-' for
/// standard input, in train, predict, evaluate and inspect; model.json's sha256 is of the bytes as given.</summary>
public sealed class InputFormsTests
{
    static byte[] Gzip(byte[] plain)
    {
        var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(plain);
        return output.ToArray();
    }

    static byte[] WineQt() => File.ReadAllBytes(Path.Combine(Repo.Root, "data", "WineQT.csv"));

    static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    static JsonElement DataInfo(string run) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "model.json"))).RootElement.GetProperty("data").Clone();

    [Fact]
    public void Train_GzipFile_ReadsItAndRecordsTheCompressedBytesHash()
    {
        using var temp = new TempFolder();
        var gz = Gzip(WineQt());
        File.WriteAllBytes(temp["run.csv.gz"], gz);
        var r = Cli.Run(temp.Path, "train", "--data", "run.csv.gz", "--target", "quality", "--drop", "Id", "--epochs", "2", "--json", "--out", "run");
        CliAssert.Success(r);
        var data = DataInfo(temp["run"]);
        Assert.Equal(Sha256(gz), data.GetProperty("sha256").GetString());
        Assert.Equal(1143, data.GetProperty("rows").GetInt32());
    }

    [Fact]
    public void Train_Stdin_ReadsItAndRecordsTheBytesHash()
    {
        using var temp = new TempFolder();
        var r = CliStdin.Run(temp.Path, WineQt(), "train", "--data", "-", "--target", "quality", "--drop", "Id", "--epochs", "2", "--json", "--out", "run");
        CliAssert.Success(r);
        var data = DataInfo(temp["run"]);
        Assert.Equal(Sha256(WineQt()), data.GetProperty("sha256").GetString());
        Assert.Equal("-", data.GetProperty("path").GetString());
    }

    [Fact]
    public void PredictEvaluateInspect_StdinAndGzip_SameAsThePlainFile()
    {
        using var temp = new TempFolder();
        File.WriteAllBytes(temp["wine.csv"], WineQt());
        File.WriteAllBytes(temp["wine.csv.gz"], Gzip(WineQt()));
        CliAssert.Success(Cli.Run(temp.Path, "train", "--epochs", "3", "--json", "--out", "run"));

        var plain = Cli.Run(temp.Path, "predict", "--model", "run", "--data", "wine.csv", "--proba");
        CliAssert.Success(plain);
        Assert.Equal(plain.Stdout, CliStdin.Run(temp.Path, WineQt(), "predict", "--model", "run", "--data", "-", "--proba").Stdout);
        Assert.Equal(plain.Stdout, CliStdin.Run(temp.Path, Gzip(WineQt()), "predict", "--model", "run", "--data", "-", "--proba").Stdout);
        Assert.Equal(plain.Stdout, Cli.Run(temp.Path, "predict", "--model", "run", "--data", "wine.csv.gz", "--proba").Stdout);

        var evaluated = Cli.Run(temp.Path, "evaluate", "--model", "run", "--data", "wine.csv", "--json");
        var piped = CliStdin.Run(temp.Path, WineQt(), "evaluate", "--model", "run", "--data", "-", "--json");
        CliAssert.Success(piped);
        Assert.Equal(evaluated.Stdout, piped.Stdout);

        var inspected = CliStdin.Run(temp.Path, Gzip(WineQt()), "inspect", "-");
        CliAssert.Success(inspected);
        Assert.Contains("1143 rows, 13 columns", inspected.Stdout);
    }

    [Fact]
    public void Train_EmptyStdin_ClearError()
    {
        using var temp = new TempFolder();
        var r = CliStdin.Run(temp.Path, [], "train", "--data", "-", "--target", "y");
        CliAssert.UserError(r, "<stdin>", "empty");
    }
}
