using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Kindling.Nn;
using Kindling.Optim;
using Kindling.Training;
using Kindling.Training.Runs;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>A training run stopped from outside. Killed (SIGKILL: no chance to clean up), it leaves loadable
/// checkpoints in its staging folder and nothing under the final --out name; asked to stop (SIGTERM, handled
/// as Ctrl+C is), it finishes the step, saves the run and exits 130.</summary>
public sealed partial class KilledRunTests
{
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    const int Sigterm = 15;

    [GeneratedRegex(@"^epoch-(\d{4})\.safetensors$")]
    private static partial Regex CheckpointName();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Starts a run far longer than the test (20,000 epochs of batches of 8, a checkpoint each epoch) and
    /// returns once its staging folder holds a finished checkpoint of epoch 2 or later (the run keeps only the
    /// last and the best, so there are never many).</summary>
    static (Process Process, string Checkpoints) StartLongRunPastEpochTwo(TempFolder temp)
    {
        var process = Cli.Start(temp.Path, "train", "--epochs", "20000", "--batch-size", "8", "--checkpoint-every", "1", "--json", "--out", "run");
        string checkpoints = Path.Combine(temp.Path, "(no staging folder yet)");
        var clock = Stopwatch.StartNew();
        while (Complete(checkpoints = Path.Combine(StagingOf(temp.Path, "run", process.Id), "checkpoints")) is not [.., (_, >= 2)])
        {
            if (process.HasExited) Assert.Fail($"training ended (exit {process.ExitCode}) before writing the checkpoint of epoch 2: {process.StandardError.ReadToEnd()}");
            if (clock.Elapsed > Patience)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"no checkpoint of epoch 2 or later in {checkpoints} after {Patience}");
            }
            Thread.Sleep(20);
        }
        return (process, checkpoints);
    }

    /// <summary>The staging folder of the run named <paramref name="name"/> started by process <paramref name="pid"/>
    /// (".NAME.partial-PID-RANDOM"), or a path that does not exist yet.</summary>
    internal static string StagingOf(string parent, string name, int pid) =>
        Directory.GetDirectories(parent, $".{name}.partial-{pid}-*") is [var d] ? d : Path.Combine(parent, $"(no staging folder of {pid} yet)");

    [Fact]
    public void Train_KilledMidEpoch_NewestCheckpointLoadsAndNoRunFolderAppears()
    {
        using var temp = new TempFolder();
        var (process, checkpoints) = StartLongRunPastEpochTwo(temp);
        using (process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        Assert.False(Directory.Exists(temp["run"]), "a killed run must not appear under its final name");
        var (path, epoch) = Complete(checkpoints)[^1];
        Assert.InRange(epoch, 2, 19_999);

        var model = new MlpSpec(11, [16, 16], "relu", 0, 6).Build();
        var trainer = new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters(), lr: 0.01));
        trainer.LoadCheckpoint(path);
        Assert.Equal(epoch, trainer.Epoch);
        Assert.All(trainer.History.TrainLoss, l => Assert.True(double.IsFinite(l)));
    }

    [SkippableFact]
    public async Task Train_AskedToStop_SavesTheRunAndExits130()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "needs POSIX signals (Linux)");
        using var temp = new TempFolder();
        var (process, _) = StartLongRunPastEpochTwo(temp);
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.Equal(0, Kill(process.Id, Sigterm));
            if (!process.WaitForExit(Patience)) process.Kill(entireProcessTree: true);
            var r = new CliResult(process.ExitCode, await stdout, await stderr, "train (SIGTERM)");
            Assert.True(r.ExitCode == 130, r.ToString());
            var json = CliAssert.SingleJsonObject(r);
            Assert.Equal("Cancelled", json.GetProperty("stop_reason").GetString());
            int epochs = json.GetProperty("epochs_trained").GetInt32();
            Assert.InRange(epochs, 2, 19_999);
            Assert.Equal(temp["run"], json.GetProperty("out").GetString());
            Assert.Equal(epochs + 1, File.ReadAllLines(Path.Combine(temp["run"], "history.csv")).Length);
            Assert.True(File.Exists(Path.Combine(temp["run"], "model.safetensors")));
        }
    }

    /// <summary>Finished checkpoints (epoch-NNNN.safetensors; a file still being written has a temporary name), oldest first.</summary>
    static (string Path, int Epoch)[] Complete(string directory) =>
        !Directory.Exists(directory) ? [] :
        Directory.GetFiles(directory)
            .Select(p => (Path: p, Match: CheckpointName().Match(Path.GetFileName(p))))
            .Where(c => c.Match.Success)
            .Select(c => (c.Path, int.Parse(c.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(c => c.Item2)
            .ToArray();
}
