// https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.CosineAnnealingLR.html
namespace Kindling.Optim.LrScheduler;

/// <summary>Cosine annealing from each group's initial rate down to <c>etaMin</c> over <c>tMax</c> epochs, as
/// <c>CosineAnnealingLR</c> (SGDR without restarts: past <c>tMax</c> the rate climbs back, period 2·tMax).</summary>
/// <remarks>
/// PyTorch 1.13's recursive form, so the values are PyTorch's to the last bit:
/// <c>lr_t = (1 + cos(πt/T)) / (1 + cos(π(t−1)/T)) · (lr_{t−1} − η_min) + η_min</c>, with the special cases of its
/// <c>get_lr</c> at t = 0, at the first step of a resumed scheduler, and at the bottom of each cycle.
/// </remarks>
public sealed class CosineAnnealingLR : LRScheduler
{
    private readonly int _tMax;
    private readonly double _etaMin;

    /// <summary>Anneals over <paramref name="tMax"/> epochs to <paramref name="etaMin"/>.</summary>
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin = 0, int lastEpoch = -1)
        : base(optimizer, lastEpoch)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tMax, 1);
        _tMax = tMax;
        _etaMin = etaMin;
        InitialStep();
    }

    private protected override double[] ComputeLr()
    {
        var lrs = GroupLrs();
        int t = LastEpoch;
        if (t == 0) return lrs;
        for (int g = 0; g < lrs.Length; g++)
        {
            double baseLr = BaseLrs[g];
            if (StepCount == 1 && t > 0)
                lrs[g] = _etaMin + (baseLr - _etaMin) * (1 + Math.Cos(t * Math.PI / _tMax)) / 2;
            else if ((t - 1 - _tMax) % (2 * _tMax) == 0)
                lrs[g] = lrs[g] + (baseLr - _etaMin) * (1 - Math.Cos(Math.PI / _tMax)) / 2;
            else
                lrs[g] = (1 + Math.Cos(Math.PI * t / _tMax)) / (1 + Math.Cos(Math.PI * (t - 1) / _tMax)) * (lrs[g] - _etaMin) + _etaMin;
        }
        return lrs;
    }
}
