using Kindling.Nn;
using Kindling.Optim;

namespace Kindling.Training.Tests.Trainers;

/// <summary>Training accuracy per epoch, counted from the logits each step already computed.</summary>
[Collection(Seed.DefaultGeneratorCollection.Name)]
public sealed class TrainAccuracyTests
{
    /// <summary>Trainer.Evaluate takes a float32 mean; the trainer divides the count in float64.</summary>
    const double MeanTolerance = 1e-6;

    sealed class EvaluateAfterEpoch(Tensor x, Tensor y) : TrainerCallback
    {
        public List<double> Accuracy { get; } = [];
        public override void OnEpochEnd(Trainer trainer, EpochRecord record) => Accuracy.Add(trainer.Evaluate(x, y).Accuracy);
    }

    [Fact]
    public void Fit_FullBatch_TrainAccuracyIsTheAccuracyOfTheWeightsEachStepStartedFrom()
    {
        var (x, y) = TrainerTests.SeedTrainingSet();
        var model = TrainerTests.SeedModel(x.Size(1));
        var trainer = new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters(), lr: 0.01), new TrainerOptions { Epochs = 6 });
        var oracle = new EvaluateAfterEpoch(x, y);
        trainer.Callbacks.Add(oracle);
        var history = trainer.Fit(x, y).History;

        // Full batch, no dropout: epoch e+1's step starts from the weights evaluated after epoch e.
        for (int e = 1; e < history.Count; e++)
            Assert.Equal(oracle.Accuracy[e - 1], history.Epochs[e].TrainAccuracy!.Value, MeanTolerance);
        Assert.Equal(history.Count, history.TrainAccuracy.Count);
    }

    [Fact]
    public void Fit_FloatTargets_RecordsNoTrainAccuracy()
    {
        var x = Torch.Tensor(new float[,] { { 0 }, { 1 }, { 2 }, { 3 } });
        var y = Torch.Tensor(new float[,] { { 0 }, { 2 }, { 4 }, { 6 } });
        var model = new Linear(1, 1);
        var history = new Trainer(model, new MSELoss(), new SGD(model.Parameters(), lr: 0.01), new TrainerOptions { Epochs = 2 }).Fit(x, y).History;
        Assert.All(history.Epochs, e => Assert.Null(e.TrainAccuracy));
    }
}
