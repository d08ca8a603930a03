// https://pytorch.org/docs/stable/optim.html#per-parameter-options
namespace Kindling.Optim;

/// <summary>
/// One entry of <see cref="Optimizer.ParamGroups"/>: a list of parameters and the options that apply to them
/// (<c>"lr"</c>, <c>"betas"</c>, <c>"weight_decay"</c>, ...), as a dict in <c>optimizer.param_groups</c>.
/// </summary>
/// <remarks>
/// Options the group does not set are filled from the optimizer's defaults when the group is added.
/// Values are <see cref="double"/>, <see cref="bool"/> or a <c>(double, double)</c> pair (<c>"betas"</c>);
/// integers and floats are stored as <see cref="double"/>. Other keys (a scheduler's <c>"initial_lr"</c>) are kept.
/// </remarks>
public sealed class ParamGroup
{
    private readonly List<Tensor> _params;
    private readonly Dictionary<string, object> _options = new(StringComparer.Ordinal);

    /// <summary>A group of <paramref name="parameters"/> with the options set by the indexer (the rest default).</summary>
    /// <example><c>new ParamGroup(model[0].Parameters()) { ["lr"] = 0.1 }</c></example>
    public ParamGroup(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _params = [.. parameters];
    }

    /// <summary>The group's parameters, in order.</summary>
    public IReadOnlyList<Tensor> Params => _params;

    /// <summary>The group's options (read-only view; set them through the indexer).</summary>
    public IReadOnlyDictionary<string, object> Options => _options;

    /// <summary>The learning rate, <c>group["lr"]</c>; what LR schedulers read and write.</summary>
    public double Lr
    {
        get => GetDouble("lr");
        set => _options["lr"] = value;
    }

    /// <summary>Gets or sets one option; numbers are stored as <see cref="double"/>.</summary>
    public object this[string key]
    {
        get => _options.TryGetValue(key, out var v) ? v
            : throw new KeyNotFoundException($"parameter group has no option '{key}' (it has: {string.Join(", ", _options.Keys)}).");
        set => _options[key] = Normalize(key, value);
    }

    /// <summary>Whether the group has option <paramref name="key"/>.</summary>
    public bool ContainsKey(string key) => _options.ContainsKey(key);

    /// <summary>Sets <paramref name="key"/> unless the group already has it (Python's <c>dict.setdefault</c>).</summary>
    public void SetDefault(string key, object value)
    {
        if (!_options.ContainsKey(key)) this[key] = value;
    }

    internal List<Tensor> ParamList => _params;

    internal double GetDouble(string key) => this[key] is double d ? d
        : throw new InvalidOperationException($"option '{key}' is {this[key].GetType().Name}, expected a number.");

    internal bool GetBool(string key) => this[key] is bool b ? b
        : throw new InvalidOperationException($"option '{key}' is {this[key].GetType().Name}, expected a bool.");

    internal (double, double) GetPair(string key) => this[key] is ValueTuple<double, double> p ? p
        : throw new InvalidOperationException($"option '{key}' is {this[key].GetType().Name}, expected a (double, double) pair.");

    private static object Normalize(string key, object value) => value switch
    {
        double or bool or ValueTuple<double, double> => value,
        float f => (double)f,
        int i => (double)i,
        long l => (double)l,
        ValueTuple<float, float> p => ((double)p.Item1, (double)p.Item2),
        ValueTuple<int, int> p => ((double)p.Item1, (double)p.Item2),
        null => throw new ArgumentNullException(nameof(value), $"option '{key}' cannot be null."),
        _ => throw new ArgumentException(
            $"option '{key}' has type {value.GetType().Name}; use a number, a bool or a (double, double) pair.", nameof(value)),
    };
}
