// https://pytorch.org/docs/1.13/generated/torch.nn.Module.html#torch.nn.Module.register_forward_hook
namespace Kindling.Nn;

public abstract partial class Module
{
    private List<HookEntry<Func<Module, Tensor, Tensor?>>>? _preHooks;
    private List<HookEntry<Func<Module, Tensor, Tensor, Tensor?>>>? _postHooks;

    /// <summary>Registers <paramref name="hook"/> to run before every <see cref="Forward"/>, as
    /// <c>register_forward_pre_hook</c>. A non-null return value replaces the input.</summary>
    /// <returns>A handle whose <see cref="IDisposable.Dispose"/> removes the hook.</returns>
    public IDisposable RegisterForwardPreHook(Func<Module, Tensor, Tensor?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return HookHandle.Add(_preHooks ??= [], hook);
    }

    /// <summary>Registers an observing pre-hook (sees the input, cannot replace it).</summary>
    /// <returns>A handle whose <see cref="IDisposable.Dispose"/> removes the hook.</returns>
    public IDisposable RegisterForwardPreHook(Action<Module, Tensor> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return RegisterForwardPreHook((m, input) =>
        {
            hook(m, input);
            return null;
        });
    }

    /// <summary>Registers <paramref name="hook"/> to run after every <see cref="Forward"/> with (module, input, output),
    /// as <c>register_forward_hook</c>. A non-null return value replaces the output.</summary>
    /// <returns>A handle whose <see cref="IDisposable.Dispose"/> removes the hook.</returns>
    public IDisposable RegisterForwardHook(Func<Module, Tensor, Tensor, Tensor?> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return HookHandle.Add(_postHooks ??= [], hook);
    }

    /// <summary>Registers an observing forward hook (sees input and output, cannot replace them).</summary>
    /// <returns>A handle whose <see cref="IDisposable.Dispose"/> removes the hook.</returns>
    public IDisposable RegisterForwardHook(Action<Module, Tensor, Tensor> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return RegisterForwardHook((m, input, output) =>
        {
            hook(m, input, output);
            return null;
        });
    }

    /// <summary>True when any forward or pre-forward hook is registered on this module.</summary>
    internal bool HasHooks => _preHooks is { Count: > 0 } || _postHooks is { Count: > 0 };

    /// <summary>Runs the pre-hooks in registration order; each may replace the input.</summary>
    private protected Tensor RunForwardPreHooks(Tensor input)
    {
        if (_preHooks is not { Count: > 0 }) return input;
        foreach (var entry in _preHooks.ToArray())
            input = entry.Hook(this, input) ?? input;
        return input;
    }

    /// <summary>Runs the forward hooks in registration order; each may replace the output.</summary>
    private protected Tensor RunForwardHooks(Tensor input, Tensor output)
    {
        if (_postHooks is not { Count: > 0 }) return output;
        foreach (var entry in _postHooks.ToArray())
            output = entry.Hook(this, input, output) ?? output;
        return output;
    }
}
