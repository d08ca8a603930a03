using Kindling.Nn;
using Kindling.Optim;
using Kindling.Training.Checkpoints;
using Kindling.Training.Tests.Trainers;

namespace Kindling.Training.Tests.Checkpoints;

/// <summary>The checkpoints <see cref="Trainer.Fit"/> writes: which are kept, their size, and resuming from any of
/// them bit for bit (the oracle is the same run trained straight through).</summary>
[Collection(Seed.DefaultGeneratorCollection.Name)]
public sealed class FitCheckpointTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("kindling-checkpoints").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    string[] Files() => Directory.GetFiles(dir, "*.safetensors").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray();

    static Trainer NewTrainer(TrainerOptions options, double lr = 0.01)
    {
        var (x, _) = TrainerTests.SeedTrainingSet();
        var model = TrainerTests.SeedModel(x.Size(1), dropout: 0.2);
        return new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters(), lr: lr), options);
    }

    // A high learning rate on unscaled features makes the validation loss wander, so the best epoch is not the last.
    (Trainer Trainer, TrainResult Result) FitWithValidation(int keep)
    {
        var (x, y) = TrainerTests.SeedTrainingSet();
        var trainer = NewTrainer(new TrainerOptions { Epochs = 30, BatchSize = 64, CheckpointDirectory = dir, CheckpointEvery = 1, KeepCheckpoints = keep }, lr: 0.05);
        var result = trainer.Fit(x.Slice(0, 200, x.Size(0)), y.Slice(0, 200, y.Size(0)), x.Slice(0, 0, 200), y.Slice(0, 0, 200));
        return (trainer, result);
    }

    static string[] Names(IEnumerable<int> epochs) => epochs.Distinct().Order().Select(Trainer.CheckpointName).ToArray();

    [Fact]
    public void Fit_DefaultKeep_LeavesTheBestByValidationLossAndTheLast()
    {
        var (_, result) = FitWithValidation(keep: new TrainerOptions().KeepCheckpoints);
        var val = result.History.Epochs;
        int best = val.MinBy(e => e.ValLoss!.Value)!.Epoch;
        Assert.NotEqual(30, best);
        Assert.Equal(Names([best, 30]), Files());
        Assert.Equal(30, File.ReadAllLines(Path.Combine(dir, HistoryLog.FileName)).Length);
    }

    [Fact]
    public void Fit_KeepThree_LeavesTheThreeBestAndTheLast()
    {
        var (_, result) = FitWithValidation(keep: 3);
        var best = result.History.Epochs.OrderBy(e => e.ValLoss!.Value).ThenBy(e => e.Epoch).Take(3).Select(e => e.Epoch);
        Assert.Equal(Names([.. best, 30]), Files());
    }

    [Fact]
    public void Fit_ManyEpochs_CheckpointSizeDoesNotGrow()
    {
        var (x, y) = TrainerTests.SeedTrainingSet();
        NewTrainer(new TrainerOptions { Epochs = 40, CheckpointDirectory = dir, CheckpointEvery = 1, KeepCheckpoints = -1 }).Fit(x, y);
        long first = new FileInfo(Path.Combine(dir, Trainer.CheckpointName(1))).Length;
        long last = new FileInfo(Path.Combine(dir, Trainer.CheckpointName(40))).Length;
        // Only the metadata's digits differ (the epoch, the loss's shortest round-trip form); the header pads to 8 bytes.
        Assert.InRange(last - first, -16, 16);
    }

    [Fact]
    public void LoadCheckpoint_EarlierThanTheLast_ResumesWithItsOwnHistoryBitForBit()
    {
        var (x, y) = TrainerTests.SeedTrainingSet();
        var options = new TrainerOptions { Epochs = 20, BatchSize = 64, CheckpointDirectory = dir, CheckpointEvery = 1, KeepCheckpoints = -1 };
        var straight = NewTrainer(options);
        straight.Fit(x, y);

        var resumed = NewTrainer(options with { CheckpointDirectory = null });
        Torch.ManualSeed(7);   // a new process: another generator state until the checkpoint restores it
        resumed.LoadCheckpoint(Path.Combine(dir, Trainer.CheckpointName(7)));   // the log beside it holds 20 epochs
        Assert.Equal(straight.History.TrainLoss.Take(7), resumed.History.TrainLoss);
        resumed.Fit(x, y);

        Assert.Equal(straight.History.TrainLoss, resumed.History.TrainLoss);
        foreach (var (name, tensor) in straight.Model.StateDict())
            Assert.Equal(tensor.ToArray<float>(), resumed.Model.StateDict()[name].ToArray<float>());
    }

    [Fact]
    public void LoadCheckpoint_HistoryMissing_ThrowsNamingItAndChangesNothing()
    {
        var (x, y) = TrainerTests.SeedTrainingSet();
        NewTrainer(new TrainerOptions { Epochs = 3, CheckpointDirectory = dir }).Fit(x, y);
        File.Delete(Path.Combine(dir, HistoryLog.FileName));
        var trainer = NewTrainer(new TrainerOptions());
        var before = trainer.Model.StateDict()["0.weight"].ToArray<float>();

        var e = Assert.Throws<InvalidDataException>(() => trainer.LoadCheckpoint(Path.Combine(dir, Trainer.CheckpointName(3))));

        Assert.Contains(HistoryLog.FileName, e.Message);
        Assert.Equal(0, trainer.Epoch);
        Assert.Equal(before, trainer.Model.StateDict()["0.weight"].ToArray<float>());
    }

    [Fact]
    public void LoadCheckpoint_HistoryOfAnotherRun_Throws()
    {
        var (x, y) = TrainerTests.SeedTrainingSet();
        NewTrainer(new TrainerOptions { Epochs = 3, CheckpointDirectory = dir }).Fit(x, y);
        string log = Path.Combine(dir, HistoryLog.FileName);
        File.WriteAllLines(log, File.ReadAllLines(log).Select(l => l.Replace("\"train_loss\":", "\"train_loss\":1", StringComparison.Ordinal)));

        var e = Assert.Throws<InvalidDataException>(() => NewTrainer(new TrainerOptions()).LoadCheckpoint(Path.Combine(dir, Trainer.CheckpointName(3))));
        Assert.Contains("does not match", e.Message);
    }

    [Fact]
    public void Fit_CheckpointFolderIsAFile_ThrowsFromFit()
    {
        string file = Path.Combine(dir, "not-a-folder");
        File.WriteAllText(file, "");
        var (x, y) = TrainerTests.SeedTrainingSet();
        Assert.ThrowsAny<IOException>(() => NewTrainer(new TrainerOptions { Epochs = 2, CheckpointDirectory = file }).Fit(x, y));
    }
}
