// https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.OneCycleLR.html
namespace Kindling.Optim.LrScheduler;

/// <summary>The 1cycle policy (Smith &amp; Topin, 2017), as <c>OneCycleLR</c>: the rate rises from
/// <c>max_lr/div_factor</c> to <c>max_lr</c>, then falls to <c>initial_lr/final_div_factor</c>, while the momentum
/// (SGD's <c>"momentum"</c> or Adam's beta1) moves the opposite way. Step it once per batch.</summary>
/// <remarks>
/// Like PyTorch, it writes <c>initial_lr</c>, <c>max_lr</c>, <c>min_lr</c> (and <c>max_momentum</c>,
/// <c>base_momentum</c>) into each parameter group, so they travel with the optimizer's state dict. Phase ends are
/// PyTorch's: <c>pct_start·total − 1</c> (and <c>2·pct_start·total − 2</c> with three phases), then <c>total − 1</c>.
/// </remarks>
public sealed class OneCycleLR : LRScheduler
{
    private readonly int _totalSteps;
    private readonly AnnealStrategy _anneal;
    private readonly bool _cycleMomentum;
    private readonly bool _useBeta1;
    private readonly (double EndStep, string StartLr, string EndLr, string StartMomentum, string EndMomentum)[] _phases;

    /// <summary>One cycle peaking at <paramref name="maxLr"/> for every group; give <paramref name="totalSteps"/>,
    /// or <paramref name="epochs"/> and <paramref name="stepsPerEpoch"/>.</summary>
    public OneCycleLR(Optimizer optimizer, double maxLr, int? totalSteps = null, int? epochs = null, int? stepsPerEpoch = null,
        double pctStart = 0.3, AnnealStrategy annealStrategy = AnnealStrategy.Cos, bool cycleMomentum = true,
        double baseMomentum = 0.85, double maxMomentum = 0.95, double divFactor = 25, double finalDivFactor = 1e4,
        bool threePhase = false, int lastEpoch = -1)
        : this(optimizer, Enumerable.Repeat(maxLr, optimizer?.ParamGroups.Count ?? 0).ToArray(), totalSteps, epochs, stepsPerEpoch,
            pctStart, annealStrategy, cycleMomentum, baseMomentum, maxMomentum, divFactor, finalDivFactor, threePhase, lastEpoch)
    {
    }

    /// <summary>One cycle with a peak rate per parameter group (<paramref name="maxLr"/> has one entry per group).</summary>
    public OneCycleLR(Optimizer optimizer, IReadOnlyList<double> maxLr, int? totalSteps = null, int? epochs = null, int? stepsPerEpoch = null,
        double pctStart = 0.3, AnnealStrategy annealStrategy = AnnealStrategy.Cos, bool cycleMomentum = true,
        double baseMomentum = 0.85, double maxMomentum = 0.95, double divFactor = 25, double finalDivFactor = 1e4,
        bool threePhase = false, int lastEpoch = -1)
        : base(optimizer!, lastEpoch)
    {
        ArgumentNullException.ThrowIfNull(maxLr);
        var groups = Optimizer.ParamGroups;
        if (maxLr.Count != groups.Count)
            throw new ArgumentException($"expected {groups.Count} values for maxLr (one per parameter group), got {maxLr.Count}.", nameof(maxLr));
        _totalSteps = TotalSteps(totalSteps, epochs, stepsPerEpoch);
        if (pctStart is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(pctStart), pctStart, "Expected a float between 0 and 1.");
        _anneal = annealStrategy;
        _phases = threePhase
            ?
            [
                (pctStart * _totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                (2 * pctStart * _totalSteps - 2, "max_lr", "initial_lr", "base_momentum", "max_momentum"),
                (_totalSteps - 1, "initial_lr", "min_lr", "max_momentum", "max_momentum"),
            ]
            :
            [
                (pctStart * _totalSteps - 1, "initial_lr", "max_lr", "max_momentum", "base_momentum"),
                (_totalSteps - 1, "max_lr", "min_lr", "base_momentum", "max_momentum"),
            ];
        if (lastEpoch == -1)
        {
            for (int g = 0; g < groups.Count; g++)
            {
                groups[g]["initial_lr"] = maxLr[g] / divFactor;
                groups[g]["max_lr"] = maxLr[g];
                groups[g]["min_lr"] = groups[g].GetDouble("initial_lr") / finalDivFactor;
            }
        }
        _cycleMomentum = cycleMomentum;
        if (cycleMomentum)
        {
            var defaults = Optimizer.Defaults;
            if (!defaults.ContainsKey("momentum") && !defaults.ContainsKey("betas"))
                throw new ArgumentException("optimizer must support momentum (\"momentum\" or \"betas\") with the cycleMomentum option enabled.", nameof(optimizer));
            _useBeta1 = defaults.ContainsKey("betas");
            if (lastEpoch == -1)
            {
                foreach (var group in groups)
                {
                    SetMomentum(group, maxMomentum);
                    group["max_momentum"] = maxMomentum;
                    group["base_momentum"] = baseMomentum;
                }
            }
        }
        InitialStep();
    }

    private static int TotalSteps(int? totalSteps, int? epochs, int? stepsPerEpoch)
    {
        if (totalSteps is int total)
            return total > 0 ? total : throw new ArgumentOutOfRangeException(nameof(totalSteps), total, "Expected a positive integer totalSteps.");
        if (epochs is not int e || stepsPerEpoch is not int s)
            throw new ArgumentException("You must define either totalSteps OR (epochs AND stepsPerEpoch).", nameof(totalSteps));
        if (e <= 0) throw new ArgumentOutOfRangeException(nameof(epochs), e, "Expected a positive integer epochs.");
        if (s <= 0) throw new ArgumentOutOfRangeException(nameof(stepsPerEpoch), s, "Expected a positive integer stepsPerEpoch.");
        return e * s;
    }

    private void SetMomentum(ParamGroup group, double momentum)
    {
        if (_useBeta1) group["betas"] = (momentum, group.GetPair("betas").Item2);
        else group["momentum"] = momentum;
    }

    private double Anneal(double start, double end, double pct) => _anneal == AnnealStrategy.Cos
        ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1)
        : (end - start) * pct + start;

    private protected override double[] ComputeLr()
    {
        int stepNum = LastEpoch;
        if (stepNum > _totalSteps)
            throw new InvalidOperationException($"Tried to step {stepNum + 1} times. The specified number of total steps is {_totalSteps}.");
        var groups = Optimizer.ParamGroups;
        var lrs = new double[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            double startStep = 0;
            for (int i = 0; i < _phases.Length; i++)
            {
                var phase = _phases[i];
                if (stepNum <= phase.EndStep || i == _phases.Length - 1)
                {
                    double pct = (stepNum - startStep) / (phase.EndStep - startStep);
                    lrs[g] = Anneal(group.GetDouble(phase.StartLr), group.GetDouble(phase.EndLr), pct);
                    if (_cycleMomentum)
                        SetMomentum(group, Anneal(group.GetDouble(phase.StartMomentum), group.GetDouble(phase.EndMomentum), pct));
                    break;
                }
                startStep = phase.EndStep;
            }
        }
        return lrs;
    }
}
