// https://pytorch.org/docs/1.13/generated/torch.nn.Module.html#torch.nn.Module.state_dict
using System.Text;

namespace Kindling.Nn;

public abstract partial class Module
{
    /// <summary>Every parameter and persistent buffer under its dotted name, in PyTorch's order (per module:
    /// parameters, then buffers, then children), as <c>Module.state_dict()</c>.</summary>
    /// <remarks>Values share storage with the module (parameters are detached), as PyTorch: clone them to snapshot.</remarks>
    public OrderedDictionary<string, Tensor> StateDict()
    {
        var result = new OrderedDictionary<string, Tensor>();
        foreach (var (prefix, module) in NamedModules())
        {
            foreach (var (name, p) in module._parameters)
                if (p is not null) result.TryAdd(Join(prefix, name), p.Detach());
            foreach (var (name, b) in module._buffers)
                if (b is not null && !module._nonPersistent.Contains(name)) result.TryAdd(Join(prefix, name), b);
        }
        return result;
    }

    /// <summary>Copies <paramref name="stateDict"/>'s tensors into this module's parameters and buffers, as
    /// <c>Module.load_state_dict</c>.</summary>
    /// <param name="stateDict">Name → tensor, e.g. from <see cref="StateDict"/> of a module of the same architecture.</param>
    /// <param name="strict">True: every key must match exactly (no missing, no unexpected keys).</param>
    /// <returns>The missing and unexpected keys (both empty when <paramref name="strict"/>).</returns>
    /// <exception cref="ArgumentException">Shapes differ, or (strict) keys are missing or unexpected; the message lists
    /// every problem and nothing is copied.</exception>
    public LoadStateDictResult LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(stateDict);
        var own = StateDict();
        var missing = own.Keys.Where(k => !stateDict.ContainsKey(k)).ToList();
        var unexpected = stateDict.Keys.Where(k => !own.ContainsKey(k)).ToList();
        var mismatched = new List<string>();
        foreach (var (name, target) in own)
        {
            if (!stateDict.TryGetValue(name, out var source)) continue;
            if (source is null)
                mismatched.Add($"{name}: the checkpoint's value is null.");
            else if (!source.Shape.AsSpan().SequenceEqual(target.Shape))
                mismatched.Add($"size mismatch for {name}: copying a param with shape {FormatShape(source.Shape)} from checkpoint, " +
                               $"the shape in current model is {FormatShape(target.Shape)}.");
        }

        if (mismatched.Count > 0 || (strict && (missing.Count > 0 || unexpected.Count > 0)))
        {
            var message = new StringBuilder($"Error(s) in loading state_dict for {GetType().Name}:");
            if (strict && missing.Count > 0)
                message.Append("\n\tMissing key(s) in state_dict: ").Append(Quote(missing)).Append('.');
            if (strict && unexpected.Count > 0)
                message.Append("\n\tUnexpected key(s) in state_dict: ").Append(Quote(unexpected)).Append('.');
            foreach (var line in mismatched)
                message.Append("\n\t").Append(line);
            throw new ArgumentException(message.ToString(), nameof(stateDict));
        }

        using (Torch.NoGrad())
        {
            foreach (var (name, target) in own)
                if (stateDict.TryGetValue(name, out var source)) target.Copy_(source);
        }
        return new LoadStateDictResult(missing, unexpected);
    }

    private static string Quote(List<string> keys) => string.Join(", ", keys.Select(k => $"\"{k}\""));

    internal static string FormatShape(int[] shape) => "[" + string.Join(", ", shape) + "]";
}

/// <summary>What <see cref="Module.LoadStateDict"/> did not match (PyTorch's <c>_IncompatibleKeys</c>).</summary>
/// <param name="MissingKeys">Keys the module has that the state dict lacked.</param>
/// <param name="UnexpectedKeys">Keys in the state dict that the module does not have.</param>
public sealed record LoadStateDictResult(IReadOnlyList<string> MissingKeys, IReadOnlyList<string> UnexpectedKeys);
