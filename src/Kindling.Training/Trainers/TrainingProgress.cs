namespace Kindling.Training;

/// <summary>What the trainer reports through <see cref="IProgress{T}"/> after each step, for a progress bar.</summary>
/// <param name="Epoch">1-based epoch in progress.</param>
/// <param name="Epochs">Epochs planned.</param>
/// <param name="Step">1-based step within the epoch.</param>
/// <param name="Steps">Steps per epoch.</param>
/// <param name="Loss">The loss of this step.</param>
/// <param name="EpochEnd">The epoch's record when this report closes an epoch; null for a plain step.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int Steps, double Loss, EpochRecord? EpochEnd);
