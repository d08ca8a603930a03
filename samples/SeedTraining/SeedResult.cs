namespace SeedTraining;

/// <summary>What a run of the seed produced: the fields <c>seed_program.py --json</c> prints.</summary>
/// <param name="TrainLoss">Loss per epoch (mini-batch: Σ loss·len(batch) / n).</param>
/// <param name="TestAccuracy">Share of test rows whose arg-max logit is the true class.</param>
/// <param name="TestCorrect">Number of correctly classified test rows.</param>
/// <param name="TrainSeconds">Wall time of the epoch loop.</param>
/// <param name="Classes">The quality labels in class-index order.</param>
/// <param name="NTrain">Training rows.</param>
/// <param name="NTest">Test rows.</param>
/// <param name="FirstWeightRow">Row 0 of the first Linear's weight right after the seeded reset.</param>
/// <param name="DataSource">Where the table came from (a path, or the embedded dataset).</param>
internal sealed record SeedResult(
    IReadOnlyList<double> TrainLoss,
    double TestAccuracy,
    int TestCorrect,
    double TrainSeconds,
    IReadOnlyList<string> Classes,
    int NTrain,
    int NTest,
    IReadOnlyList<float> FirstWeightRow,
    string DataSource);
