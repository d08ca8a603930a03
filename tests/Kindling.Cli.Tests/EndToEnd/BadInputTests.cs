namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Bad input to <c>kindling train</c> and <c>inspect</c>: exit 2, one clear line, no stack trace, and no
/// run folder (nor staging folder) left behind.</summary>
public sealed class BadInputTests
{
    static void AssertNothingWritten(TempFolder temp) =>
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(temp.Path), p => Path.GetFileName(p).Contains("run", StringComparison.Ordinal));

    [Theory]
    [InlineData("--epochs", "abc", "--epochs")]
    [InlineData("--epochs", "0", "--epochs")]
    [InlineData("--batch-size", "-3", "--batch-size")]
    [InlineData("--optimizer", "rmsprop", "rmsprop")]
    [InlineData("--activation", "swish", "swish")]
    [InlineData("--hidden", "16,x", "--hidden")]
    [InlineData("--hidden", "16,0", "--hidden")]
    [InlineData("--lr", "-1", "--lr")]
    [InlineData("--lr", "fast", "--lr")]
    [InlineData("--test-size", "1.5", "--test-size")]
    [InlineData("--test-size", "5000", "--test-size")]
    [InlineData("--val-size", "abc", "--val-size")]
    [InlineData("--dropout", "1", "--dropout")]
    [InlineData("--class-weight", "heavy", "heavy")]
    [InlineData("--early-stopping", "0", "--early-stopping")]
    [InlineData("--threads", "0", "--threads")]
    [InlineData("--keep-checkpoints", "-2", "--keep-checkpoints")]
    [InlineData("--impute", "magic", "magic")]
    [InlineData("--frobnicate", "1", "--frobnicate")]
    public void Train_BadOptionValue_ExitsTwoNamingTheOption(string option, string value, string named)
    {
        using var temp = new TempFolder();
        var r = Cli.Run(temp.Path, "train", option, value, "--epochs", option == "--epochs" ? value : "3", "--out", "run");
        CliAssert.UserError(r, named);
        AssertNothingWritten(temp);
    }

    [Fact]
    public void Train_MissingFile_ExitsTwoNamingIt()
    {
        using var temp = new TempFolder();
        CliAssert.UserError(Cli.Run(temp.Path, "train", "--data", "missing.csv", "--target", "y", "--out", "run"), "missing.csv");
        AssertNothingWritten(temp);
    }

    [Fact]
    public void Train_MissingFileVerbose_ShowsTheStackTrace()
    {
        using var temp = new TempFolder();
        var r = Cli.Run(temp.Path, "train", "--data", "missing.csv", "--target", "y", "--verbose");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("kindling: error: ", r.Stderr);
        Assert.Contains("   at ", r.Stderr);
    }

    [Theory]
    [InlineData("--target", "nope")]
    [InlineData("--drop", "Id,nope")]
    public void Train_UnknownColumn_ExitsTwoListingTheColumns(string option, string value)
    {
        using var temp = new TempFolder();
        var r = Cli.Run(temp.Path, "train", option, value, "--out", "run");
        CliAssert.UserError(r, option, "'nope'", "fixed acidity", "quality");
        AssertNothingWritten(temp);
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("empty")]
    [InlineData("header only")]
    [InlineData("ragged")]
    public void Train_NotACsvFile_ExitsTwoNamingTheFile(string kind)
    {
        using var temp = new TempFolder();
        string path = temp["data.bin"];
        switch (kind)
        {
            case "binary":
                var bytes = new byte[4096];
                new System.Random(5).NextBytes(bytes);
                bytes[10] = 0;
                File.WriteAllBytes(path, bytes);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "header only":
                File.WriteAllText(path, "a,b,y\n");
                break;
            default:
                File.WriteAllText(path, "a,b,y\n1,2,x\n3,4\n5,6,z,7\n");
                break;
        }
        CliAssert.UserError(Cli.Run(temp.Path, "train", "--data", "data.bin", "--target", "y", "--out", "run"), "data.bin");
        AssertNothingWritten(temp);
    }

    [Fact]
    public void Inspect_BinaryFile_ExitsTwoNamingIt()
    {
        using var temp = new TempFolder();
        var bytes = new byte[2048];
        new System.Random(9).NextBytes(bytes);
        File.WriteAllBytes(temp["blob.dat"], bytes);
        CliAssert.UserError(Cli.Run(temp.Path, "inspect", "blob.dat"), "blob.dat");
    }

    [Fact]
    public void Train_OutUnderAFile_ExitsTwoAndLeavesTheFile()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp["file"], "keep");
        var r = Cli.Run(temp.Path, "train", "--epochs", "3", "--out", Path.Combine("file", "run"));
        CliAssert.UserError(r, "--out");
        Assert.Equal("keep", File.ReadAllText(temp["file"]));
    }

    [Fact]
    public void Train_OutWhereNothingCanBeCreated_ExitsTwo()
    {
        // /proc refuses new folders even to root (these tests may run as root, where chmod protects nothing).
        if (!OperatingSystem.IsLinux())
        {
            Console.WriteLine("SKIPPED the /proc case: Linux only");
            return;
        }
        using var temp = new TempFolder();
        CliAssert.UserError(Cli.Run(temp.Path, "train", "--epochs", "3", "--out", "/proc/kindling-e2e/run"), "--out", "/proc");
    }

    [Fact]
    public void Train_OutInReadOnlyFolder_ExitsTwo()
    {
        if (OperatingSystem.IsWindows())
        {
            Console.WriteLine("SKIPPED the read-only folder case: Unix permissions only");
            return;
        }
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["ro"]);
        File.SetUnixFileMode(temp["ro"], UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            if (Environment.UserName == "root" || IsWritable(temp["ro"]))
            {
                Console.WriteLine("SKIPPED the read-only folder case: this user can write anywhere (covered by the /proc case)");
                return;
            }
            CliAssert.UserError(Cli.Run(temp.Path, "train", "--epochs", "3", "--out", Path.Combine("ro", "run")), "--out");
            Assert.Empty(Directory.EnumerateFileSystemEntries(temp["ro"]));
        }
        finally
        {
            File.SetUnixFileMode(temp["ro"], UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    static bool IsWritable(string dir)
    {
        try
        {
            File.WriteAllText(Path.Combine(dir, ".probe"), "");
            File.Delete(Path.Combine(dir, ".probe"));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
