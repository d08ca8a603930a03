using Kindling.Data;
using Kindling.Nn;
using Kindling.Optim;

namespace Kindling.Training.Tests.Trainers;

[Collection(Seed.DefaultGeneratorCollection.Name)]
public sealed class TrainerTests
{
    // WineQT as the seed prepares it: Id dropped, quality label-encoded, split 80/20 with random_state 42.
    internal static (Tensor X, Tensor Y) SeedTrainingSet()
    {
        var frame = Datasets.Load("wineqt");
        var labels = LabelEncoder.FitTarget(frame, "quality");
        long[] y = labels.Transform(frame, "quality");
        var features = frame.ColumnNames.Where(c => c is not ("quality" or "Id")).ToArray();
        var (train, _) = ModelSelection.TrainTestSplit(frame.RowCount, testSize: 0.2, randomState: 42);
        var x = new float[train.Length, features.Length];
        var yTrain = new long[train.Length];
        for (int i = 0; i < train.Length; i++)
        {
            for (int j = 0; j < features.Length; j++)
                x[i, j] = (float)((NumericColumn)frame[features[j]])[train[i]];
            yTrain[i] = y[train[i]];
        }
        return (Torch.Tensor(x), Torch.Tensor(yTrain));
    }

    internal static Sequential SeedModel(int inputs, double dropout = 0)
    {
        var layers = new List<Module> { new Linear(inputs, 16), new ReLU() };
        if (dropout > 0) layers.Add(new Dropout(dropout));
        layers.AddRange([new Linear(16, 16), new ReLU(), new Linear(16, 6)]);
        var model = new Sequential([.. layers]);
        Torch.ManualSeed(42);
        model.Apply(m => m.ResetParameters());
        return model;
    }

    [Fact]
    public void Fit_FullBatchSeed_EqualsTheBareLoopBitForBit()
    {
        var (x, y) = SeedTrainingSet();

        var bare = SeedModel(x.Size(1));
        var criterion = new CrossEntropyLoss();
        var optimizer = new Adam(bare.Parameters(), lr: 0.01);
        var losses = new List<double>();
        for (int epoch = 0; epoch < 100; epoch++)
        {
            optimizer.ZeroGrad();
            var loss = criterion.Call(bare.Call(x), y);
            loss.Backward();
            optimizer.Step();
            losses.Add(loss.Item());
        }

        var model = SeedModel(x.Size(1));
        var trainer = new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters(), lr: 0.01));
        var result = trainer.Fit(x, y);

        Assert.Equal(StopReason.Completed, result.Reason);
        Assert.Equal(losses, result.History.TrainLoss);
        Assert.Equal(bare.StateDict()["4.weight"].ToArray<float>(), model.StateDict()["4.weight"].ToArray<float>());
    }

    [Fact]
    public void LoadCheckpoint_TenPlusTenEpochs_EqualsTwentyStraightBitForBit()
    {
        var (x, y) = SeedTrainingSet();
        var dir = Directory.CreateTempSubdirectory("kindling-resume").FullName;
        try
        {
            var options = new TrainerOptions { Epochs = 20, BatchSize = 64, CheckpointDirectory = dir, CheckpointEvery = 10, KeepCheckpoints = -1 };
            var straightModel = SeedModel(x.Size(1), dropout: 0.2);
            var straight = new Trainer(straightModel, new CrossEntropyLoss(), new Adam(straightModel.Parameters(), lr: 0.01), options);
            straight.Fit(x, y);

            // A new process would start from scratch: new model, new optimizer, a different generator state.
            var resumedModel = SeedModel(x.Size(1), dropout: 0.2);
            Torch.ManualSeed(7);
            var resumed = new Trainer(resumedModel, new CrossEntropyLoss(), new Adam(resumedModel.Parameters(), lr: 0.01),
                options with { CheckpointDirectory = null });
            resumed.LoadCheckpoint(Path.Combine(dir, Trainer.CheckpointName(10)));
            Assert.Equal(10, resumed.Epoch);
            resumed.Fit(x, y);

            Assert.Equal(straight.History.TrainLoss, resumed.History.TrainLoss);
            foreach (var (name, tensor) in straightModel.StateDict())
                Assert.Equal(tensor.ToArray<float>(), resumedModel.StateDict()[name].ToArray<float>());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Fit_EarlyStoppingOnRisingValidationLoss_StopsAndRestoresBestEpoch()
    {
        var (x, y) = SeedTrainingSet();
        var model = SeedModel(x.Size(1));
        // A high learning rate on unscaled features makes the validation loss wander, so patience runs out.
        var trainer = new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters(), lr: 0.05), new TrainerOptions { Epochs = 300 });
        var stopper = new EarlyStopping(patience: 5);
        trainer.Callbacks.Add(stopper);
        var xVal = x.Slice(0, 0, 200);
        var yVal = y.Slice(0, 0, 200);

        var result = trainer.Fit(x.Slice(0, 200, x.Size(0)), y.Slice(0, 200, y.Size(0)), xVal, yVal);

        Assert.Equal(StopReason.EarlyStopped, result.Reason);
        Assert.Equal(stopper.BestEpoch, result.BestEpoch);
        Assert.Equal(stopper.BestEpoch + 5, result.History.Count);
        var (restoredLoss, _) = trainer.Evaluate(xVal, yVal);
        Assert.Equal(stopper.Best!.Value, restoredLoss);
        Assert.True(result.History.ValLoss.Min() == stopper.Best.Value);
    }

    [Fact]
    public void Fit_DivergingLearningRate_StopsWithMessageAndFiniteWeights()
    {
        var (x, y) = SeedTrainingSet();
        var model = SeedModel(x.Size(1));
        var trainer = new Trainer(model, new CrossEntropyLoss(), new SGD(model.Parameters(), lr: 1e6));

        var result = trainer.Fit(x, y);

        Assert.Equal(StopReason.NonFiniteLoss, result.Reason);
        Assert.Contains("epoch", result.Message);
        Assert.Contains("learning rate", result.Message);
        Assert.True(StateDicts.AllFinite(model.Parameters()));
        Assert.True(result.History.Count < 100);
    }

    [Fact]
    public void Fit_CancelledToken_StopsAfterTheCurrentStep()
    {
        var (x, y) = SeedTrainingSet();
        var model = SeedModel(x.Size(1));
        var trainer = new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters(), lr: 0.01),
            new TrainerOptions { BatchSize = 100 });
        using var cancel = new CancellationTokenSource();
        int steps = 0;
        var progress = new SynchronousProgress(p => { if (++steps == 3) cancel.Cancel(); });

        var result = trainer.Fit(x, y, progress: progress, cancel: cancel.Token);

        Assert.Equal(StopReason.Cancelled, result.Reason);
        Assert.Equal(3, steps);
        Assert.Equal(0, result.History.Count);
    }

    [Fact]
    public void Fit_MismatchedRows_NamesBothShapes()
    {
        var model = SeedModel(11);
        var trainer = new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters()));
        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(Torch.Zeros(10, 11), Torch.Zeros([9], DType.Int64)));
        Assert.Contains("[10, 11]", e.Message);
        Assert.Contains("[9]", e.Message);
    }

    [Fact]
    public void Balanced_MatchesScikitLearnFormula()
    {
        // sklearn.utils.class_weight.compute_class_weight('balanced', classes=[0,1,2], y=[0,0,0,0,1,1,2])
        // = 7 / (3 * [4, 2, 1]) = [0.58333333, 1.16666667, 2.33333333]
        float[] w = ClassWeights.Balanced([0, 0, 0, 0, 1, 1, 2], 3);
        Assert.Equal([7f / 12f, 7f / 6f, 7f / 3f], w);
    }

    sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
