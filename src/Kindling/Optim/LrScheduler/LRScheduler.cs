// https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate (torch.optim.lr_scheduler._LRScheduler)
namespace Kindling.Optim.LrScheduler;

/// <summary>Base of the epoch-stepped schedulers, as PyTorch's <c>_LRScheduler</c>: each <see cref="Step"/>
/// advances <see cref="LastEpoch"/> and writes a new <c>"lr"</c> into every parameter group.</summary>
/// <remarks>
/// Construction records each group's <c>"initial_lr"</c> (when <c>lastEpoch</c> is −1) and performs the first
/// step, so <see cref="GetLastLr"/> is the epoch-0 rate. Schedulers use PyTorch's recursive ("chainable") form:
/// the new rate is computed from the group's current <c>"lr"</c>, so several schedulers can act on one optimizer.
/// Call <see cref="Step"/> after <c>optimizer.Step()</c>, once per epoch.
/// </remarks>
public abstract class LRScheduler : ILRScheduler
{
    private double[] _baseLrs = [];
    private double[] _lastLr = [];

    private protected LRScheduler(Optimizer optimizer, int lastEpoch)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        LastEpoch = lastEpoch;
    }

    /// <inheritdoc/>
    public Optimizer Optimizer { get; }

    /// <summary>The index of the last epoch stepped (<c>last_epoch</c>); 0 right after construction.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>Each group's <c>"initial_lr"</c> (<c>base_lrs</c>).</summary>
    public IReadOnlyList<double> BaseLrs => _baseLrs;

    /// <summary>How many times <see cref="Step"/> ran, the constructor's step included (<c>_step_count</c>).</summary>
    private protected int StepCount { get; private set; }

    /// <summary>Advances one epoch and sets every group's learning rate.</summary>
    public void Step()
    {
        StepCount++;
        LastEpoch++;
        var values = ComputeLr();
        var groups = Optimizer.ParamGroups;
        for (int g = 0; g < groups.Count; g++) groups[g].Lr = values[g];
        _lastLr = [.. groups.Select(g => g.Lr)];
    }

    /// <inheritdoc/>
    public IReadOnlyList<double> GetLastLr() => [.. _lastLr];

    /// <summary>The chainable learning rate of each group for epoch <see cref="LastEpoch"/> (<c>get_lr()</c>).</summary>
    private protected abstract double[] ComputeLr();

    /// <summary>Records the base rates and takes the first step; derived constructors call it last, once their
    /// own fields are set (PyTorch's <c>_initial_step</c>).</summary>
    private protected void InitialStep()
    {
        var groups = Optimizer.ParamGroups;
        for (int g = 0; g < groups.Count; g++)
        {
            if (LastEpoch == -1) groups[g].SetDefault("initial_lr", groups[g].Lr);
            else if (!groups[g].ContainsKey("initial_lr"))
                throw new ArgumentException($"param 'initial_lr' is not specified in param_groups[{g}] when resuming an optimizer (lastEpoch = {LastEpoch}).", "lastEpoch");
        }
        _baseLrs = [.. groups.Select(g => g.GetDouble("initial_lr"))];
        StepCount = 0;
        Step();
    }

    /// <summary>The mutable state: <c>last_epoch</c>, <c>_step_count</c>, <c>base_lrs</c>, <c>_last_lr</c>. The
    /// constructor's arguments are not included: build the scheduler with the same arguments, then load.</summary>
    public virtual IReadOnlyDictionary<string, Tensor> StateDict() => new Dictionary<string, Tensor>(StringComparer.Ordinal)
    {
        ["last_epoch"] = SchedulerState.Long(LastEpoch),
        ["_step_count"] = SchedulerState.Long(StepCount),
        ["base_lrs"] = SchedulerState.Doubles(_baseLrs),
        ["_last_lr"] = SchedulerState.Doubles(_lastLr),
    };

    /// <inheritdoc/>
    public virtual void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        int groups = Optimizer.ParamGroups.Count;
        long lastEpoch = SchedulerState.GetLong(stateDict, "last_epoch");
        long stepCount = SchedulerState.GetLong(stateDict, "_step_count");
        var baseLrs = SchedulerState.GetDoubles(stateDict, "base_lrs", groups);
        var lastLr = SchedulerState.GetDoubles(stateDict, "_last_lr", groups);
        LastEpoch = checked((int)lastEpoch);
        StepCount = checked((int)stepCount);
        _baseLrs = baseLrs;
        _lastLr = lastLr;
    }

    /// <summary>Each group's current <c>"lr"</c>.</summary>
    private protected double[] GroupLrs() => [.. Optimizer.ParamGroups.Select(g => g.Lr)];
}
