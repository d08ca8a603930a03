// https://pytorch.org/docs/stable/generated/torch.optim.Optimizer.state_dict.html
using System.Globalization;

namespace Kindling.Optim;

public abstract partial class Optimizer
{
    private const string StatePrefix = "state.";
    private const string GroupPrefix = "param_groups.";

    /// <summary>The optimizer's state as a flat, ordered name → tensor map, ready for a checkpoint.</summary>
    /// <remarks>
    /// PyTorch's nested <c>{"state": {i: {...}}, "param_groups": [...]}</c> flattened with dotted keys, the same
    /// shape of map as <c>Module.StateDict()</c>: <c>state.{i}.{buffer}</c> (a copy of each per-parameter buffer,
    /// <c>i</c> numbering parameters across groups in order), <c>param_groups.{g}.params</c> (int64 indices) and
    /// <c>param_groups.{g}.{option}</c> (float64 scalar, bool scalar, or float64 [2] for a pair such as
    /// <c>betas</c>). Values are copies, so saving and loading restores a run bit for bit.
    /// </remarks>
    public IReadOnlyDictionary<string, Tensor> StateDict()
    {
        var dict = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        int index = 0;
        foreach (var group in _groups)
        {
            foreach (var p in group.Params)
            {
                if (_state.TryGetValue(p, out var state))
                {
                    foreach (var name in StateNames)
                    {
                        if (state.TryGetValue(name, out var buffer))
                            dict[string.Create(CultureInfo.InvariantCulture, $"{StatePrefix}{index}.{name}")] = buffer.Clone();
                    }
                }
                index++;
            }
        }
        index = 0;
        for (int g = 0; g < _groups.Count; g++)
        {
            var ids = new long[_groups[g].Params.Count];
            for (int i = 0; i < ids.Length; i++) ids[i] = index++;
            string prefix = string.Create(CultureInfo.InvariantCulture, $"{GroupPrefix}{g}.");
            dict[prefix + "params"] = Tensor.FromArray(ids, ids.Length);
            foreach (var (key, value) in _groups[g].Options) dict[prefix + key] = OptionToTensor(value);
        }
        return dict;
    }

    /// <summary>Restores a state from <see cref="StateDict"/> (<c>load_state_dict</c>); options and buffers are copied.</summary>
    /// <exception cref="ArgumentException">The groups or their sizes differ, a key is unknown, or a buffer has the
    /// wrong shape; nothing is changed then.</exception>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict)
    {
        using var unscoped = DisposeScopeFrame.Suspend();   // loaded state outlives any scope
        ArgumentNullException.ThrowIfNull(stateDict);
        var all = new List<Tensor>();
        foreach (var g in _groups) all.AddRange(g.Params);
        var options = new List<(ParamGroup Group, string Key, object Value)>();
        var buffers = new Dictionary<Tensor, Dictionary<string, Tensor>>(ReferenceEqualityComparer.Instance);
        var groupSizes = new int?[_groups.Count];

        foreach (var (key, tensor) in stateDict)
        {
            if (key.StartsWith(StatePrefix, StringComparison.Ordinal))
            {
                var (i, name) = SplitIndex(key, StatePrefix);
                if (i >= all.Count)
                    throw new ArgumentException($"state dict key '{key}' names parameter {i}, but the optimizer has {all.Count}.", nameof(stateDict));
                if (!StateNames.Contains(name))
                    throw new ArgumentException($"unexpected key '{key}': {GetType().Name} keeps {string.Join(", ", StateNames)}.", nameof(stateDict));
                var p = all[i];
                bool isStep = name == "step";
                if (!isStep && !tensor.Shape.AsSpan().SequenceEqual(p.Shape))
                    throw new ArgumentException(
                        $"size mismatch for '{key}': copying a buffer of shape [{string.Join(", ", tensor.Shape)}], the parameter's shape is [{string.Join(", ", p.Shape)}].", nameof(stateDict));
                if (!isStep && tensor.DType != DType.Float32)
                    throw new ArgumentException($"'{key}' is {tensor.DType}, expected Float32.", nameof(stateDict));
                if (!buffers.TryGetValue(p, out var state)) buffers[p] = state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
                state[name] = tensor.Contiguous().Clone();
            }
            else if (key.StartsWith(GroupPrefix, StringComparison.Ordinal))
            {
                var (g, option) = SplitIndex(key, GroupPrefix);
                if (g >= _groups.Count)
                    throw new ArgumentException($"loaded state dict has parameter group {g} ('{key}'), but the optimizer has {_groups.Count} groups.", nameof(stateDict));
                if (option == "params") groupSizes[g] = tensor.NumEl;
                else options.Add((_groups[g], option, TensorToOption(key, tensor)));
            }
            else
            {
                throw new ArgumentException($"unexpected key '{key}' in optimizer state dict.", nameof(stateDict));
            }
        }
        for (int g = 0; g < _groups.Count; g++)
        {
            if (groupSizes[g] is not int n)
                throw new ArgumentException($"loaded state dict has no 'param_groups.{g}.params'; it has a different number of groups.", nameof(stateDict));
            if (n != _groups[g].Params.Count)
                throw new ArgumentException(
                    $"loaded state dict contains a parameter group that doesn't match the size of optimizer's group: group {g} has {n} parameters in the dict, {_groups[g].Params.Count} here.", nameof(stateDict));
        }

        foreach (var (group, key, value) in options) group[key] = value;
        _state.Clear();
        foreach (var (p, state) in buffers) _state[p] = state;
    }

    private static (int Index, string Name) SplitIndex(string key, string prefix)
    {
        int dot = key.IndexOf('.', prefix.Length);
        if (dot < 0 || !int.TryParse(key.AsSpan(prefix.Length, dot - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            throw new ArgumentException($"malformed optimizer state dict key '{key}' (expected '{prefix}<index>.<name>').", nameof(key));
        return (index, key[(dot + 1)..]);
    }

    private static Tensor OptionToTensor(object value) => value switch
    {
        double d => Tensor.FromArray(new[] { d }),
        bool b => Tensor.FromArray(new[] { b }),
        ValueTuple<double, double> p => Tensor.FromArray(new[] { p.Item1, p.Item2 }, 2),
        _ => throw new InvalidOperationException($"option value of type {value.GetType().Name} cannot be saved."),
    };

    private static object TensorToOption(string key, Tensor t) => (t.DType, t.Dim, t.NumEl) switch
    {
        (DType.Float64, 0, 1) => t.ToArray<double>()[0],
        (DType.Bool, 0, 1) => t.ToArray<bool>()[0],
        (DType.Float64, 1, 2) => ValueTuple.Create(t.ToArray<double>()[0], t.ToArray<double>()[1]),
        _ => throw new ArgumentException(
            $"'{key}' is {t.DType} [{string.Join(", ", t.Shape)}]; an option is a float64 or bool scalar or a float64 pair.", nameof(key)),
    };
}
