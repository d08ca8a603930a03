namespace Kindling.Training;

/// <summary>One epoch of a training run, as the seed records <c>loss.item()</c> and a little more.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Mean training loss over the epoch (the full-batch loss, or the sample-weighted mean of the batches).</param>
/// <param name="ValLoss">Loss on the validation set after the epoch, in eval mode; null without a validation set.</param>
/// <param name="ValAccuracy">Accuracy on the validation set after the epoch; null without a validation set.</param>
/// <param name="Lr">Learning rate of the first parameter group during the epoch.</param>
/// <param name="Seconds">Wall-clock seconds the epoch took (training and validation).</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double? ValLoss, double? ValAccuracy, double Lr, double Seconds)
{
    /// <summary>Accuracy on the training rows during the epoch, from the logits each step already computed (in
    /// train mode, before that step's update: what Keras and a PyTorch loop log); null when the task has no
    /// class labels.</summary>
    public double? TrainAccuracy { get; init; }
}

/// <summary>Per-epoch record of a training run (Keras' <c>History</c>, the seed's <c>losses</c> list).</summary>
public sealed class History
{
    readonly List<EpochRecord> epochs = [];

    /// <summary>The epochs in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs => epochs;

    /// <summary>Training loss per epoch: the seed's <c>losses</c>.</summary>
    public IReadOnlyList<double> TrainLoss => epochs.ConvertAll(e => e.TrainLoss);

    /// <summary>Validation loss per epoch, or empty without a validation set.</summary>
    public IReadOnlyList<double> ValLoss => epochs.Where(e => e.ValLoss is not null).Select(e => e.ValLoss!.Value).ToList();

    /// <summary>Validation accuracy per epoch, or empty without a validation set.</summary>
    public IReadOnlyList<double> ValAccuracy => epochs.Where(e => e.ValAccuracy is not null).Select(e => e.ValAccuracy!.Value).ToList();

    /// <summary>Training accuracy per epoch, or empty when it was not recorded.</summary>
    public IReadOnlyList<double> TrainAccuracy => epochs.Where(e => e.TrainAccuracy is not null).Select(e => e.TrainAccuracy!.Value).ToList();

    /// <summary>Number of recorded epochs.</summary>
    public int Count => epochs.Count;

    internal void Add(EpochRecord record) => epochs.Add(record);

    internal void Truncate(int count) => epochs.RemoveRange(count, epochs.Count - count);
}
