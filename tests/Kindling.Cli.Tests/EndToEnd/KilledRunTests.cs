using System.Diagnostics;
using System.Text.RegularExpressions;
using Kindling.Nn;
using Kindling.Optim;
using Kindling.Training;
using Kindling.Training.Runs;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>A training run killed mid-epoch (SIGKILL: no chance to clean up) leaves loadable checkpoints in its
/// staging folder and nothing under the final --out name.</summary>
public sealed partial class KilledRunTests
{
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [GeneratedRegex(@"^epoch-(\d{4})\.safetensors$")]
    private static partial Regex CheckpointName();

    [Fact]
    public void Train_KilledMidEpoch_NewestCheckpointLoadsAndNoRunFolderAppears()
    {
        using var temp = new TempFolder();
        using var process = Cli.Start(temp.Path, "train", "--epochs", "400", "--batch-size", "8", "--checkpoint-every", "1", "--json", "--out", "run");
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        string checkpoints = Path.Combine(temp[$".run.partial-{process.Id}"], "checkpoints");
        var clock = Stopwatch.StartNew();
        while (Complete(checkpoints).Length < 2)
        {
            Assert.False(process.HasExited, $"training ended (exit {(process.HasExited ? process.ExitCode : 0)}) before writing 2 checkpoints");
            Assert.True(clock.Elapsed < Patience, $"no 2 checkpoints in {checkpoints} after {Patience}");
            Thread.Sleep(20);
        }
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        Assert.False(Directory.Exists(temp["run"]), "a killed run must not appear under its final name");
        var (path, epoch) = Complete(checkpoints)[^1];
        Assert.InRange(epoch, 2, 399);

        var model = new MlpSpec(11, [16, 16], "relu", 0, 6).Build();
        var trainer = new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters(), lr: 0.01));
        trainer.LoadCheckpoint(path);
        Assert.Equal(epoch, trainer.Epoch);
        Assert.All(trainer.History.TrainLoss, l => Assert.True(double.IsFinite(l)));
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
