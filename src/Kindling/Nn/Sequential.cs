// https://pytorch.org/docs/1.13/generated/torch.nn.Sequential.html
using System.Collections;

namespace Kindling.Nn;

/// <summary>Runs its modules in order, each one's output feeding the next, as <c>torch.nn.Sequential</c>.</summary>
/// <remarks>Children are named <c>"0"</c>, <c>"1"</c>, ... so parameters read <c>0.weight</c>, <c>2.bias</c> as in PyTorch.</remarks>
public sealed class Sequential : Module, IEnumerable<Module>
{
    private readonly List<Module> _layers = [];

    /// <summary>A sequence of <paramref name="modules"/>, named by position.</summary>
    public Sequential(params Module[] modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var m in modules) Append(m);
    }

    /// <summary>A sequence of named modules, as <c>Sequential(OrderedDict(...))</c>.</summary>
    public Sequential(IEnumerable<(string Name, Module Module)> namedModules)
    {
        ArgumentNullException.ThrowIfNull(namedModules);
        var names = new HashSet<string>();
        foreach (var (name, m) in namedModules)
        {
            if (!names.Add(name))
                throw new ArgumentException($"Sequential got the name \"{name}\" twice.", nameof(namedModules));
            _layers.Add(RegisterModule(name, m));
        }
    }

    /// <summary>The number of modules.</summary>
    public int Count => _layers.Count;

    /// <summary>The module at <paramref name="index"/> (negative counts from the end, as Python).</summary>
    public Module this[int index]
    {
        get
        {
            int i = index < 0 ? index + _layers.Count : index;
            if (i < 0 || i >= _layers.Count)
                throw new ArgumentOutOfRangeException(nameof(index), index, $"index {index} is out of range for Sequential of {_layers.Count} modules.");
            return _layers[i];
        }
    }

    /// <summary>Adds <paramref name="module"/> at the end, named by its position.</summary>
    /// <returns>This sequence.</returns>
    public Sequential Append(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _layers.Add(RegisterModule(_layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module));
        return this;
    }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input)
    {
        for (int i = 0; i < _layers.Count; i++)
        {
            // Linear then ReLU, neither hooked, with another module after them: one fused op, since nobody can see
            // the pre-activation (the ReLU's output, which the next module receives, is the same tensor).
            if (i + 2 < _layers.Count && _layers[i] is Linear linear && _layers[i + 1] is ReLU relu && !linear.HasHooks && !relu.HasHooks)
            {
                input = linear.ForwardRelu(input);
                i++;
                continue;
            }
            input = _layers[i].Call(input);
        }
        return input;
    }

    /// <inheritdoc/>
    public IEnumerator<Module> GetEnumerator() => _layers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
