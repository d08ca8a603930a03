namespace Kindling.Nn;

/// <summary>One registered hook; identity (not the delegate) decides which entry a handle removes.</summary>
internal sealed class HookEntry<T>(T hook)
{
    public T Hook { get; } = hook;
}

/// <summary>Removes its hook when disposed, as PyTorch's <c>RemovableHandle.remove()</c>; disposing twice is harmless.</summary>
internal sealed class HookHandle : IDisposable
{
    private Action? _remove;

    private HookHandle(Action remove) => _remove = remove;

    public static HookHandle Add<T>(List<HookEntry<T>> hooks, T hook)
    {
        var entry = new HookEntry<T>(hook);
        hooks.Add(entry);
        return new HookHandle(() => hooks.Remove(entry));
    }

    public void Dispose()
    {
        _remove?.Invoke();
        _remove = null;
    }
}
