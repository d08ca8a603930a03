using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary><c>kindling train --resume RUN --epochs N</c>: a run continued from its last checkpoint ends where a
/// straight run of N epochs does, byte for byte (the oracle is Kindling's own straight run: continuing must not
/// change the numbers); a killed run continues from its staging folder; options that change the run are refused.</summary>
public sealed partial class ResumeTests
{
    /// <summary>Every piece of state a resume must carry: shuffles (batches), dropout masks (the generator), the
    /// validation split, the standardisation fitted on the training rows, Adam's moments and early stopping's counters.</summary>
    static readonly string[] RunOptions = ["--batch-size", "32", "--dropout", "0.1", "--val-size", "0.1", "--standardize", "--early-stopping", "100"];

    static CliResult Train(TempFolder temp, params string[] args)
    {
        var r = Cli.Run(temp.Path, ["train", "--json", .. args]);
        CliAssert.Success(r);
        return r;
    }

    static byte[] Weights(string run) => File.ReadAllBytes(Path.Combine(run, "model.safetensors"));

    // history.csv without the seconds column, which is wall-clock time.
    static string[] HistoryWithoutTimes(string run)
    {
        var lines = File.ReadAllLines(Path.Combine(run, "history.csv"));
        int seconds = Array.IndexOf(lines[0].Split(','), "seconds");
        return lines.Select(l => string.Join(',', l.Split(',').Where((_, j) => j != seconds))).ToArray();
    }

    [Fact]
    public void Resume_25To60_SameModelBytesAsAStraight60EpochRun()
    {
        using var temp = new TempFolder();
        Train(temp, [.. RunOptions, "--epochs", "60", "--out", "straight"]);
        Train(temp, [.. RunOptions, "--epochs", "25", "--out", "first"]);
        var before = CliAssert.Snapshot(temp["first"]);

        // An option given with the value the run already has is not a change.
        var r = Train(temp, "--resume", "first", "--epochs", "60", "--lr", "0.01", "--out", "continued");

        Assert.Equal(Weights(temp["straight"]), Weights(temp["continued"]));
        Assert.Equal(HistoryWithoutTimes(temp["straight"]), HistoryWithoutTimes(temp["continued"]));
        Assert.Equal(File.ReadAllText(Path.Combine(temp["straight"], "metrics.json")), File.ReadAllText(Path.Combine(temp["continued"], "metrics.json")));
        var json = CliAssert.SingleJsonObject(r);
        Assert.Equal(60, json.GetProperty("epochs_trained").GetInt32());
        Assert.Contains(json.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("after epoch 25", StringComparison.Ordinal));
        Assert.Equal(before, CliAssert.Snapshot(temp["first"]));   // RUN itself is never touched
        Assert.Contains("\"resumed_from\"", File.ReadAllText(Path.Combine(temp["continued"], "model.json")), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^epoch-(\d{4,})\.safetensors$")]
    private static partial Regex CheckpointName();

    [Fact]
    public void Resume_KilledRunsStagingFolder_ContinuesAsAStraightRunIntoADefaultFolder()
    {
        using var temp = new TempFolder();
        string[] options = ["--batch-size", "8", "--checkpoint-every", "1"];
        var process = Cli.Start(temp.Path, ["train", "--epochs", "20000", .. options, "--json", "--out", "run"]);
        string staging = temp[$".run.partial-{process.Id}"];
        using (process)
        {
            var clock = Stopwatch.StartNew();
            while (NewestEpoch(Path.Combine(staging = KilledRunTests.StagingOf(temp.Path, "run", process.Id), "checkpoints")) < 2)
            {
                if (process.HasExited) Assert.Fail($"training ended (exit {process.ExitCode}) before its checkpoint of epoch 2: {process.StandardError.ReadToEnd()}");
                if (clock.Elapsed > TimeSpan.FromMinutes(2))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"no checkpoint of epoch 2 in {staging} after two minutes");
                }
                Thread.Sleep(20);
            }
            process.Kill(entireProcessTree: true);   // SIGKILL: no chance to clean up
            process.WaitForExit();
        }
        int epoch = NewestEpoch(Path.Combine(staging, "checkpoints"));
        int total = epoch + 2;

        var r = Train(temp, "--resume", staging, "--epochs", total.ToString(CultureInfo.InvariantCulture));
        string continued = CliAssert.SingleJsonObject(r).GetProperty("out").GetString()!;
        Assert.StartsWith(Path.Combine(temp.Path, "runs") + Path.DirectorySeparatorChar, continued, StringComparison.Ordinal);
        Train(temp, ["--epochs", total.ToString(CultureInfo.InvariantCulture), .. options, "--out", "straight"]);

        Assert.Equal(Weights(temp["straight"]), Weights(continued));
        Assert.Equal(HistoryWithoutTimes(temp["straight"]), HistoryWithoutTimes(continued));
    }

    static int NewestEpoch(string checkpoints) =>
        !Directory.Exists(checkpoints) ? 0 : Directory.GetFiles(checkpoints)
            .Select(p => CheckpointName().Match(Path.GetFileName(p)))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Max();

    [Fact]
    public void Resume_OptionsThatChangeTheRun_RefusedNamingTheOption()
    {
        using var temp = new TempFolder();
        Train(temp, "--epochs", "5", "--out", "run");

        foreach (var (args, says) in new (string[], string)[]
        {
            (["--epochs", "10", "--lr", "0.05"], "--lr 0.05 would change what the run is"),
            (["--epochs", "10", "--hidden", "8"], "--hidden 8 would change what the run is"),
            (["--epochs", "10", "--target", "Id"], "--target Id would change what the run is"),
            (["--epochs", "5"], "already at epoch 5"),
            ([], "--resume needs --epochs"),
        })
        {
            var r = Cli.Run(temp.Path, ["train", "--resume", "run", "--out", "refused", .. args]);
            CliAssert.UserError(r, says);
            Assert.False(Directory.Exists(temp["refused"]), r.ToString());
        }
        CliAssert.UserError(Cli.Run(temp.Path, "train", "--allow-changed-data"), "only applies with --resume");
        CliAssert.UserError(Cli.Run(temp.Path, "train", "--resume", "nowhere", "--epochs", "9"), "is not a folder");
    }

    [Fact]
    public void Resume_EarlyStoppedRun_RefusedSayingItWouldStopAgain()
    {
        using var temp = new TempFolder();
        Train(temp, "--batch-size", "32", "--standardize", "--val-size", "0.1", "--early-stopping", "2", "--epochs", "60", "--lr", "0.05", "--out", "run");
        CliAssert.UserError(Cli.Run(temp.Path, "train", "--resume", "run", "--epochs", "400"), "stopped by early stopping");
    }

    [Fact]
    public void Resume_DataChangedOrMoved_RefusedUnlessAllowedOrFound()
    {
        using var temp = new TempFolder();
        File.Copy(Repo.WineQtCsv, temp["wine.csv"]);
        Train(temp, "--data", "wine.csv", "--target", "quality", "--drop", "Id", "--epochs", "5", "--out", "run");

        // Moved: found again with --data (same bytes, so nothing else to allow).
        File.Move(temp["wine.csv"], temp["moved.csv"]);
        CliAssert.UserError(Cli.Run(temp.Path, "train", "--resume", "run", "--epochs", "8"), "no longer exists; give its new place with --data");
        Train(temp, "--resume", "run", "--epochs", "8", "--data", "moved.csv", "--out", "found");

        // Changed: one row fewer.
        var lines = File.ReadAllLines(temp["moved.csv"]);
        File.WriteAllLines(temp["moved.csv"], lines[..^1]);
        CliAssert.UserError(Cli.Run(temp.Path, "train", "--resume", "run", "--epochs", "8", "--data", "moved.csv"), "--allow-changed-data");
        var r = Train(temp, "--resume", "run", "--epochs", "8", "--data", "moved.csv", "--allow-changed-data", "--out", "changed");
        Assert.Equal(8, CliAssert.SingleJsonObject(r).GetProperty("epochs_trained").GetInt32());
    }
}
