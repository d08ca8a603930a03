// https://pytorch.org/docs/stable/optim.html#torch.optim.Optimizer
namespace Kindling.Optim;

/// <summary>Base class of all optimizers, as <c>torch.optim.Optimizer</c>: parameter groups, per-parameter state,
/// <see cref="ZeroGrad"/>, <see cref="Step"/> and a state dict that restores the run bit for bit.</summary>
/// <remarks>
/// Kindling's optimizers update float32 parameters in place, element by element in float32 with the
/// same rounding steps as PyTorch's single-tensor (for-loop) implementation; scalar factors
/// (bias corrections, step sizes) are computed in double and rounded to float32 as PyTorch does.
/// A parameter whose <see cref="Tensor.Grad"/> is null is skipped, and its state does not advance.
/// </remarks>
public abstract partial class Optimizer
{
    private readonly List<ParamGroup> _groups = [];
    private readonly Dictionary<string, object> _defaults;
    // optimizer.state: parameter → named buffers ("exp_avg", "step", ...); keyed by reference as PyTorch keys by object.
    private readonly Dictionary<Tensor, Dictionary<string, Tensor>> _state = new(ReferenceEqualityComparer.Instance);

    /// <summary>An optimizer over one group holding <paramref name="parameters"/>.</summary>
    private protected Optimizer(IEnumerable<Tensor> parameters, IReadOnlyDictionary<string, object> defaults)
        : this(defaults)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        AddParamGroup(new ParamGroup(parameters));
    }

    /// <summary>An optimizer over several groups, each with its own options (the rest from the defaults).</summary>
    private protected Optimizer(IEnumerable<ParamGroup> paramGroups, IReadOnlyDictionary<string, object> defaults)
        : this(defaults)
    {
        ArgumentNullException.ThrowIfNull(paramGroups);
        foreach (var group in paramGroups) AddParamGroup(group);
        if (_groups.Count == 0) throw new ArgumentException("optimizer got an empty list of parameter groups.", nameof(paramGroups));
    }

    private Optimizer(IReadOnlyDictionary<string, object> defaults)
    {
        _defaults = new Dictionary<string, object>(defaults, StringComparer.Ordinal);
    }

    /// <summary>The parameter groups (<c>optimizer.param_groups</c>); schedulers change their <c>"lr"</c>.</summary>
    public IReadOnlyList<ParamGroup> ParamGroups => _groups;

    /// <summary>The constructor's options (<c>optimizer.defaults</c>), used for groups that do not set them.</summary>
    public IReadOnlyDictionary<string, object> Defaults => _defaults;

    /// <summary>Adds a group (<c>add_param_group</c>), filling options it does not set from <see cref="Defaults"/>.</summary>
    /// <exception cref="ArgumentException">The group is empty, a parameter is already optimized, is not a leaf or not float32.</exception>
    public void AddParamGroup(ParamGroup paramGroup)
    {
        ArgumentNullException.ThrowIfNull(paramGroup);
        if (paramGroup.Params.Count == 0)
            throw new ArgumentException("optimizer got an empty parameter list.", nameof(paramGroup));
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var g in _groups) seen.UnionWith(g.Params);
        for (int i = 0; i < paramGroup.Params.Count; i++)
        {
            var p = paramGroup.Params[i];
            string where = $"parameter {i} of group {_groups.Count}";
            if (p is null) throw new ArgumentException($"{where} is null.", nameof(paramGroup));
            if (!p.IsLeaf) throw new ArgumentException($"can't optimize a non-leaf Tensor ({where}).", nameof(paramGroup));
            if (p.DType != DType.Float32)
                throw new ArgumentException($"{where} is {p.DType}; Kindling's optimizers update float32 parameters.", nameof(paramGroup));
            if (!p.IsContiguous) throw new ArgumentException($"{where} is not contiguous.", nameof(paramGroup));
            if (!seen.Add(p)) throw new ArgumentException($"some parameters appear in more than one parameter group ({where}).", nameof(paramGroup));
        }
        foreach (var (key, value) in _defaults) paramGroup.SetDefault(key, value);
        Validate(paramGroup);
        _groups.Add(paramGroup);
    }

    /// <summary>Resets the gradients of every parameter (<c>zero_grad</c>).</summary>
    /// <param name="setToNone">True (PyTorch 2's default): set <see cref="Tensor.Grad"/> to null, so the next
    /// <see cref="Step"/> skips parameters that get no gradient; false: fill existing gradients with zeros.</param>
    public void ZeroGrad(bool setToNone = true)
    {
        for (int g = 0; g < _groups.Count; g++)
        {
            var ps = _groups[g].ParamList;
            for (int i = 0; i < ps.Count; i++)
            {
                var grad = ps[i].Grad;
                if (grad is null) continue;
                if (setToNone) ps[i].Grad = null;
                else grad.Zero_();
            }
        }
    }

    /// <summary>Performs one optimization step over every parameter that has a gradient.</summary>
    public void Step()
    {
        using var unscoped = DisposeScopeFrame.Suspend();   // state made on the first step outlives any scope
        for (int g = 0; g < _groups.Count; g++)
        {
            var group = _groups[g];
            var ps = group.ParamList;
            for (int i = 0; i < ps.Count; i++)
            {
                var p = ps[i];
                var grad = p.Grad;
                if (grad is null) continue;
                if (grad.DType != DType.Float32 || grad.NumEl != p.NumEl)
                    throw new InvalidOperationException(
                        $"gradient of parameter {i} in group {g} is {grad.DType} [{string.Join(", ", grad.Shape)}], expected float32 [{string.Join(", ", p.Shape)}].");
                if (!grad.IsContiguous) grad = grad.Contiguous();
                Update(group, p, grad, StateOf(p));
            }
        }
    }

    /// <summary>The buffers of <paramref name="param"/> (<c>optimizer.state[p]</c>), created empty on first use.</summary>
    private protected Dictionary<string, Tensor> StateOf(Tensor param)
    {
        if (!_state.TryGetValue(param, out var state))
        {
            state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            _state.Add(param, state);
        }
        return state;
    }

    /// <summary>Checks a group's options (PyTorch's <c>ValueError</c>s); throws <see cref="ArgumentOutOfRangeException"/>.</summary>
    private protected abstract void Validate(ParamGroup group);

    /// <summary>Updates <paramref name="param"/> in place from its contiguous float32 <paramref name="grad"/> with the
    /// options of <paramref name="group"/>; <paramref name="state"/> holds its buffers (empty before its first step).</summary>
    private protected abstract void Update(ParamGroup group, Tensor param, Tensor grad, Dictionary<string, Tensor> state);

    /// <summary>The names of the buffers the optimizer keeps per parameter, in state-dict order.</summary>
    private protected abstract IReadOnlyList<string> StateNames { get; }

    /// <summary>A new float32 tensor of <paramref name="like"/>'s shape, filled with <paramref name="value"/>.</summary>
    internal static Tensor FullLike(Tensor like, float value)
    {
        var data = new float[like.NumEl];
        if (value != 0f) Array.Fill(data, value);
        return Tensor.FromArray(data, like.Shape);
    }

    internal static void Require(bool ok, string option, object value, string rule)
    {
        if (!ok) throw new ArgumentOutOfRangeException(option, value, $"Invalid {option} value: {value} ({rule}).");
    }
}
