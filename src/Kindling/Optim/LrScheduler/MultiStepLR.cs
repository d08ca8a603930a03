// https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.MultiStepLR.html
namespace Kindling.Optim.LrScheduler;

/// <summary>Multiplies each group's learning rate by <c>gamma</c> at each milestone epoch, as <c>MultiStepLR</c>.</summary>
/// <remarks>A milestone listed k times multiplies by gamma^k at once (PyTorch counts milestones with a Counter).</remarks>
public sealed class MultiStepLR : LRScheduler
{
    private readonly Dictionary<int, int> _milestones = [];
    private readonly double _gamma;

    /// <summary>Decays by <paramref name="gamma"/> at each epoch in <paramref name="milestones"/>.</summary>
    public MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1, int lastEpoch = -1)
        : base(optimizer, lastEpoch)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        foreach (int m in milestones) _milestones[m] = _milestones.GetValueOrDefault(m) + 1;
        _gamma = gamma;
        InitialStep();
    }

    private protected override double[] ComputeLr()
    {
        var lrs = GroupLrs();
        if (!_milestones.TryGetValue(LastEpoch, out int count)) return lrs;
        double factor = Math.Pow(_gamma, count);
        for (int g = 0; g < lrs.Length; g++) lrs[g] *= factor;
        return lrs;
    }
}
