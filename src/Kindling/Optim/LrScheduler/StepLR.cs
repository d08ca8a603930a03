// https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.StepLR.html
namespace Kindling.Optim.LrScheduler;

/// <summary>Multiplies each group's learning rate by <c>gamma</c> every <c>stepSize</c> epochs, as <c>StepLR</c>.</summary>
public sealed class StepLR : LRScheduler
{
    private readonly int _stepSize;
    private readonly double _gamma;

    /// <summary>Decays by <paramref name="gamma"/> at epochs stepSize, 2·stepSize, ...</summary>
    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1, int lastEpoch = -1)
        : base(optimizer, lastEpoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepSize, 1);
        _stepSize = stepSize;
        _gamma = gamma;
        InitialStep();
    }

    private protected override double[] ComputeLr()
    {
        var lrs = GroupLrs();
        if (LastEpoch == 0 || LastEpoch % _stepSize != 0) return lrs;
        for (int g = 0; g < lrs.Length; g++) lrs[g] *= _gamma;
        return lrs;
    }
}
