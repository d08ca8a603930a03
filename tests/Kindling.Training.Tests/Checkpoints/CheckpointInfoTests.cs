using Kindling.Nn;
using Kindling.Optim;
using Kindling.Training.Checkpoints;
using Kindling.Training.Tests.Trainers;

namespace Kindling.Training.Tests.Checkpoints;

/// <summary>What a resume reads before it builds a trainer: the newest checkpoint of a folder, its epoch and early
/// stopping's counters, and a clear refusal of files that are not checkpoints or of a newer format.</summary>
[Collection(Seed.DefaultGeneratorCollection.Name)]
public sealed class CheckpointInfoTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("kindling-checkpoint-info").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void Newest_ManyEpochs_PicksTheHighestNumberNotTheLastName()
    {
        foreach (var name in new[] { "epoch-0999.safetensors", "epoch-10000.safetensors", "epoch-9999.safetensors", "epoch-0001.safetensors.tmp", "history.jsonl" })
            File.WriteAllText(Path.Combine(dir, name), "");
        Assert.Equal(Path.Combine(dir, "epoch-10000.safetensors"), CheckpointInfo.Newest(dir));
    }

    [Fact]
    public void Newest_NoCheckpointOrNoFolder_IsNull()
    {
        Assert.Null(CheckpointInfo.Newest(dir));
        Assert.Null(CheckpointInfo.Newest(Path.Combine(dir, "absent")));
    }

    [Fact]
    public void Read_FitWithEarlyStopping_GivesEpochAndEarlyStoppingCounters()
    {
        var (x, y) = TrainerTests.SeedTrainingSet();
        var model = TrainerTests.SeedModel(x.Size(1));
        var trainer = new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters(), lr: 0.01),
            new TrainerOptions { Epochs = 4, CheckpointDirectory = dir });
        var stopper = new EarlyStopping(patience: 50);
        trainer.Callbacks.Add(stopper);
        trainer.Fit(x, y);

        var info = CheckpointInfo.Read(CheckpointInfo.Newest(dir)!);

        Assert.Equal(4, info.Epoch);
        Assert.Equal(stopper.Wait, info.EarlyStoppingWait);
        Assert.Equal(stopper.BestEpoch, info.EarlyStoppingBestEpoch);
    }

    [Fact]
    public void Read_WithoutEarlyStopping_HasNoCounters()
    {
        var (x, y) = TrainerTests.SeedTrainingSet();
        var model = TrainerTests.SeedModel(x.Size(1));
        new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters()), new TrainerOptions { Epochs = 2, CheckpointDirectory = dir }).Fit(x, y);

        var info = CheckpointInfo.Read(Path.Combine(dir, Trainer.CheckpointName(2)));

        Assert.Equal((2, null, null), (info.Epoch, info.EarlyStoppingWait, info.EarlyStoppingBestEpoch));
    }

    [Fact]
    public void Read_ModelFileOrNewerFormat_RefusedSayingWhich()
    {
        string weights = Path.Combine(dir, "model.safetensors");
        StateDictFile.Save(weights, [new("w", Torch.Zeros(2))]);
        Assert.Contains("not a Kindling checkpoint", Assert.Throws<InvalidDataException>(() => CheckpointInfo.Read(weights)).Message);

        string newer = Path.Combine(dir, "newer.safetensors");
        StateDictFile.Save(newer, [new("w", Torch.Zeros(2))], new Dictionary<string, string> { ["kindling_checkpoint"] = "3", ["epoch"] = "1" });
        Assert.Contains("newer Kindling", Assert.Throws<InvalidDataException>(() => CheckpointInfo.Read(newer)).Message);
        var model = TrainerTests.SeedModel(11);
        Assert.Contains("newer Kindling", Assert.Throws<InvalidDataException>(
            () => new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters())).LoadCheckpoint(newer)).Message);
    }
}
