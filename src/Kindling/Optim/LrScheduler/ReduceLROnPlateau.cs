// https://pytorch.org/docs/stable/generated/torch.optim.lr_scheduler.ReduceLROnPlateau.html
namespace Kindling.Optim.LrScheduler;

/// <summary>Multiplies the learning rates by <c>factor</c> once a metric has stopped improving for more than
/// <c>patience</c> epochs, as <c>ReduceLROnPlateau</c>.</summary>
/// <remarks>
/// After a reduction, <c>cooldown</c> epochs pass before bad epochs count again. A group's rate never drops
/// below its <c>min_lr</c>, and a change smaller than <c>eps</c> is skipped.
/// </remarks>
public sealed class ReduceLROnPlateau : ILRScheduler
{
    private readonly PlateauMode _mode;
    private readonly double _factor;
    private readonly int _patience;
    private readonly double _threshold;
    private readonly ThresholdMode _thresholdMode;
    private readonly int _cooldown;
    private readonly double[] _minLrs;
    private readonly double _eps;
    private double[] _lastLr;

    /// <summary>Watches a metric; <paramref name="minLr"/> applies to every group.</summary>
    public ReduceLROnPlateau(Optimizer optimizer, PlateauMode mode = PlateauMode.Min, double factor = 0.1, int patience = 10,
        double threshold = 1e-4, ThresholdMode thresholdMode = ThresholdMode.Rel, int cooldown = 0, double minLr = 0, double eps = 1e-8)
        : this(optimizer, Enumerable.Repeat(minLr, optimizer?.ParamGroups.Count ?? 0).ToArray(), mode, factor, patience,
            threshold, thresholdMode, cooldown, eps)
    {
    }

    /// <summary>Watches a metric with a lower bound per parameter group (<paramref name="minLrs"/>, one per group).</summary>
    public ReduceLROnPlateau(Optimizer optimizer, IReadOnlyList<double> minLrs, PlateauMode mode = PlateauMode.Min, double factor = 0.1,
        int patience = 10, double threshold = 1e-4, ThresholdMode thresholdMode = ThresholdMode.Rel, int cooldown = 0, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(minLrs);
        if (factor >= 1.0) throw new ArgumentOutOfRangeException(nameof(factor), factor, "Factor should be < 1.0.");
        if (minLrs.Count != optimizer.ParamGroups.Count)
            throw new ArgumentException($"expected {optimizer.ParamGroups.Count} min_lrs (one per parameter group), got {minLrs.Count}.", nameof(minLrs));
        Optimizer = optimizer;
        _mode = mode;
        _factor = factor;
        _patience = patience;
        _threshold = threshold;
        _thresholdMode = thresholdMode;
        _cooldown = cooldown;
        _minLrs = [.. minLrs];
        _eps = eps;
        _lastLr = [.. optimizer.ParamGroups.Select(g => g.Lr)];
        Best = WorstValue;
    }

    /// <inheritdoc/>
    public Optimizer Optimizer { get; }

    /// <summary>The best metric seen so far (+∞ in Min mode, −∞ in Max mode before the first step).</summary>
    public double Best { get; private set; }

    /// <summary>Consecutive epochs without improvement (<c>num_bad_epochs</c>).</summary>
    public int NumBadEpochs { get; private set; }

    /// <summary>Epochs of cooldown left (<c>cooldown_counter</c>).</summary>
    public int CooldownCounter { get; private set; }

    /// <summary>The number of steps taken (<c>last_epoch</c>).</summary>
    public int LastEpoch { get; private set; }

    private double WorstValue => _mode == PlateauMode.Min ? double.PositiveInfinity : double.NegativeInfinity;

    /// <summary>Records one epoch's <paramref name="metrics"/> and reduces the rates if it has plateaued.</summary>
    public void Step(double metrics)
    {
        LastEpoch++;
        if (IsBetter(metrics, Best))
        {
            Best = metrics;
            NumBadEpochs = 0;
        }
        else
        {
            NumBadEpochs++;
        }
        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            NumBadEpochs = 0;   // bad epochs in cooldown are ignored
        }
        if (NumBadEpochs > _patience)
        {
            ReduceLr();
            CooldownCounter = _cooldown;
            NumBadEpochs = 0;
        }
        _lastLr = [.. Optimizer.ParamGroups.Select(g => g.Lr)];
    }

    /// <inheritdoc/>
    public IReadOnlyList<double> GetLastLr() => [.. _lastLr];

    /// <summary>The mutable state: <c>best</c>, <c>num_bad_epochs</c>, <c>cooldown_counter</c>, <c>last_epoch</c>,
    /// <c>_last_lr</c>. Build the scheduler with the same arguments, then load.</summary>
    public IReadOnlyDictionary<string, Tensor> StateDict() => new Dictionary<string, Tensor>(StringComparer.Ordinal)
    {
        ["best"] = SchedulerState.Double(Best),
        ["num_bad_epochs"] = SchedulerState.Long(NumBadEpochs),
        ["cooldown_counter"] = SchedulerState.Long(CooldownCounter),
        ["last_epoch"] = SchedulerState.Long(LastEpoch),
        ["_last_lr"] = SchedulerState.Doubles(_lastLr),
    };

    /// <inheritdoc/>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        double best = SchedulerState.GetDouble(stateDict, "best");
        long bad = SchedulerState.GetLong(stateDict, "num_bad_epochs");
        long cooldown = SchedulerState.GetLong(stateDict, "cooldown_counter");
        long lastEpoch = SchedulerState.GetLong(stateDict, "last_epoch");
        var lastLr = SchedulerState.GetDoubles(stateDict, "_last_lr", Optimizer.ParamGroups.Count);
        Best = best;
        NumBadEpochs = checked((int)bad);
        CooldownCounter = checked((int)cooldown);
        LastEpoch = checked((int)lastEpoch);
        _lastLr = lastLr;
    }

    private bool IsBetter(double a, double best) => (_mode, _thresholdMode) switch
    {
        (PlateauMode.Min, ThresholdMode.Rel) => a < best * (1.0 - _threshold),
        (PlateauMode.Min, ThresholdMode.Abs) => a < best - _threshold,
        (PlateauMode.Max, ThresholdMode.Rel) => a > best * (_threshold + 1.0),
        _ => a > best + _threshold,
    };

    private void ReduceLr()
    {
        var groups = Optimizer.ParamGroups;
        for (int g = 0; g < groups.Count; g++)
        {
            double oldLr = groups[g].Lr;
            double newLr = Math.Max(oldLr * _factor, _minLrs[g]);
            if (oldLr - newLr > _eps) groups[g].Lr = newLr;
        }
    }
}
