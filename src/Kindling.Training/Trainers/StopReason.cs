namespace Kindling.Training;

/// <summary>Why <see cref="Trainer.Fit"/> returned.</summary>
public enum StopReason
{
    /// <summary>All planned epochs ran.</summary>
    Completed,
    /// <summary>Early stopping saw no improvement for <c>patience</c> epochs; the best weights were restored.</summary>
    EarlyStopped,
    /// <summary>Cancellation was requested; training stopped after the current step.</summary>
    Cancelled,
    /// <summary>A loss became NaN or infinite; the model holds its last finite state.</summary>
    NonFiniteLoss,
}
