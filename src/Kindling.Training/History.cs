namespace Kindling.Training;

/// <summary>Per-epoch record of a training run.</summary>
public sealed class History
{
    public List<double> TrainLoss { get; } = [];
}
