using Kindling.Nn;

namespace Kindling.Training;

/// <summary>Which way is better for the monitored quantity.</summary>
public enum MonitorMode
{
    /// <summary>Lower is better (a loss).</summary>
    Min,
    /// <summary>Higher is better (an accuracy).</summary>
    Max,
}

/// <summary>Stops training when the monitored quantity has not improved for <see cref="Patience"/> epochs and
/// restores the best weights (Keras' <c>EarlyStopping(restore_best_weights=True)</c>).</summary>
/// <remarks>Monitors validation loss when the run has a validation set, else training loss, unless told otherwise.
/// An epoch improves when it beats the best by more than <see cref="MinDelta"/> (absolute).</remarks>
public sealed class EarlyStopping : TrainerCallback
{
    /// <summary>The quantity watched: <c>"val_loss"</c>, <c>"train_loss"</c> or <c>"val_accuracy"</c>; null picks val_loss when there is one.</summary>
    public string? Monitor { get; }
    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; }
    /// <summary>Smallest change that counts as an improvement.</summary>
    public double MinDelta { get; }
    /// <summary>Whether lower or higher is better.</summary>
    public MonitorMode Mode { get; }

    /// <summary>The best value seen so far, or null before the first epoch.</summary>
    public double? Best { get; private set; }
    /// <summary>The epoch of <see cref="Best"/>.</summary>
    public int BestEpoch { get; private set; }
    /// <summary>Epochs since the last improvement.</summary>
    public int Wait { get; private set; }
    /// <summary>True when this callback stopped the run.</summary>
    public bool Stopped { get; private set; }

    internal OrderedDictionary<string, Tensor>? BestState { get; private set; }

    public EarlyStopping(int patience, double minDelta = 0, string? monitor = null, MonitorMode? mode = null)
    {
        if (patience < 1) throw new ArgumentOutOfRangeException(nameof(patience), patience, "patience must be at least 1");
        if (minDelta < 0) throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "min_delta must not be negative");
        if (monitor is not null and not ("val_loss" or "train_loss" or "val_accuracy"))
            throw new ArgumentException($"monitor must be val_loss, train_loss or val_accuracy, not '{monitor}'", nameof(monitor));
        Patience = patience;
        MinDelta = minDelta;
        Monitor = monitor;
        Mode = mode ?? (monitor == "val_accuracy" ? MonitorMode.Max : MonitorMode.Min);
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(Trainer trainer, EpochRecord record)
    {
        double current = Monitor switch
        {
            "train_loss" => record.TrainLoss,
            "val_accuracy" => record.ValAccuracy ?? throw new InvalidOperationException("early stopping monitors val_accuracy, but the run has no validation set"),
            "val_loss" => record.ValLoss ?? throw new InvalidOperationException("early stopping monitors val_loss, but the run has no validation set"),
            _ => record.ValLoss ?? record.TrainLoss,
        };
        bool improved = Best is null || (Mode == MonitorMode.Min ? current < Best - MinDelta : current > Best + MinDelta);
        if (improved)
        {
            Best = current;
            BestEpoch = record.Epoch;
            Wait = 0;
            BestState = StateDicts.Clone(trainer.Model.StateDict());
            return;
        }
        if (++Wait >= Patience)
        {
            Stopped = true;
            trainer.RequestStop(StopReason.EarlyStopped,
                $"early stopping: no improvement for {Patience} epochs; restored the weights of epoch {BestEpoch}");
        }
    }

    /// <summary>Puts the best weights back into the model; true if there were any.</summary>
    internal bool RestoreBest(Module model)
    {
        if (BestState is null) return false;
        model.LoadStateDict(BestState);
        return true;
    }

    internal void Restore(double? best, int bestEpoch, int wait, OrderedDictionary<string, Tensor>? bestState)
    {
        Best = best;
        BestEpoch = bestEpoch;
        Wait = wait;
        BestState = bestState;
    }
}
