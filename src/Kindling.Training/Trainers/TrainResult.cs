namespace Kindling.Training;

/// <summary>What a call to <see cref="Trainer.Fit"/> did.</summary>
/// <param name="History">Every epoch recorded, including earlier ones of a resumed run.</param>
/// <param name="Reason">Why training stopped.</param>
/// <param name="Message">A sentence for the user when the run did not simply complete; otherwise null.</param>
/// <param name="BestEpoch">The epoch whose weights the model holds when early stopping restored them; otherwise null.</param>
/// <param name="TrainSeconds">Seconds spent in the training loop.</param>
public sealed record TrainResult(History History, StopReason Reason, string? Message, int? BestEpoch, double TrainSeconds)
{
    /// <summary>Of <see cref="TrainSeconds"/>, the time the loop spent on checkpoints: copying the state for the
    /// writer and, at the end, waiting until the last checkpoint is on disk.</summary>
    public double CheckpointSeconds { get; init; }
}
