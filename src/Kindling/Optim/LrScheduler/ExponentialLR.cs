// https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ExponentialLR.html
namespace Kindling.Optim.LrScheduler;

/// <summary>Multiplies each group's learning rate by <c>gamma</c> every epoch, as <c>ExponentialLR</c>.</summary>
public sealed class ExponentialLR : LRScheduler
{
    private readonly double _gamma;

    /// <summary>Decays by <paramref name="gamma"/> every epoch.</summary>
    public ExponentialLR(Optimizer optimizer, double gamma, int lastEpoch = -1)
        : base(optimizer, lastEpoch)
    {
        _gamma = gamma;
        InitialStep();
    }

    private protected override double[] ComputeLr()
    {
        var lrs = GroupLrs();
        if (LastEpoch == 0) return lrs;
        for (int g = 0; g < lrs.Length; g++) lrs[g] *= _gamma;
        return lrs;
    }
}
