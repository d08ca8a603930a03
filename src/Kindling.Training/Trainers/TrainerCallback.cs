namespace Kindling.Training;

/// <summary>Hooks into the training loop (Keras' <c>Callback</c>, Lightning's hooks). Override what you need.</summary>
/// <remarks>Callbacks run in the order they were added. A callback stops training with <see cref="Trainer.RequestStop"/>.</remarks>
public abstract class TrainerCallback
{
    /// <summary>Before the first epoch of a <see cref="Trainer.Fit"/> call.</summary>
    public virtual void OnTrainBegin(Trainer trainer) { }

    /// <summary>Before each epoch (1-based).</summary>
    public virtual void OnEpochBegin(Trainer trainer, int epoch) { }

    /// <summary>Before each optimisation step (both 1-based).</summary>
    public virtual void OnBatchBegin(Trainer trainer, int epoch, int step) { }

    /// <summary>After each optimisation step, with the step's loss.</summary>
    public virtual void OnBatchEnd(Trainer trainer, int epoch, int step, double loss) { }

    /// <summary>After each epoch, once its record (train and validation loss) is in the history.</summary>
    public virtual void OnEpochEnd(Trainer trainer, EpochRecord record) { }

    /// <summary>After the last epoch, before <see cref="Trainer.Fit"/> returns.</summary>
    public virtual void OnTrainEnd(Trainer trainer, StopReason reason) { }
}
