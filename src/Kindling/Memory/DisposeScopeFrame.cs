namespace Kindling;

/// <summary>The state behind a <see cref="DisposeScope"/> handle: the tensors it owns and the storage it must not
/// recycle. Frames are reused per thread and nesting depth, so opening a scope allocates nothing after the first time.</summary>
internal sealed class DisposeScopeFrame
{
    [ThreadStatic]
    private static DisposeScopeFrame? t_current;

    [ThreadStatic]
    private static List<DisposeScopeFrame>? t_frames;

    private readonly List<Tensor> _tensors = [];
    private readonly List<Array> _kept = [];

    private DisposeScopeFrame(int depth) => Depth = depth;

    /// <summary>The innermost open scope of this thread, or null.</summary>
    internal static DisposeScopeFrame? Current => t_current;

    internal int Depth { get; }
    internal int Generation { get; private set; }
    internal bool Open { get; private set; }
    internal DisposeScopeFrame? Outer { get; private set; }

    internal static DisposeScope Begin()
    {
        var frames = t_frames ??= [];
        int depth = t_current is null ? 0 : t_current.Depth + 1;
        while (frames.Count <= depth) frames.Add(new DisposeScopeFrame(frames.Count));
        var frame = frames[depth];
        frame.Outer = t_current;
        frame.Open = true;
        t_current = frame;
        return new DisposeScope(frame);
    }

    /// <summary>Runs code whose tensors belong to no scope (optimizer state, module buffers); dispose to resume.</summary>
    internal static Suspension Suspend()
    {
        var saved = t_current;
        t_current = null;
        return new Suspension(saved);
    }

    internal readonly struct Suspension(DisposeScopeFrame? saved) : IDisposable
    {
        public void Dispose() => t_current = saved;
    }

    /// <summary>Called by every tensor constructor.</summary>
    internal static void Register(Tensor tensor)
    {
        var frame = t_current;
        if (frame is null) return;
        frame._tensors.Add(tensor);
        tensor._scope = frame;
    }

    /// <summary>Moves <paramref name="tensor"/> to the enclosing scope (or to none).</summary>
    internal static void MoveOut(Tensor tensor)
    {
        var frame = tensor._scope;
        if (frame is null) return;
        frame._kept.Add(tensor._storage);
        tensor._scope = null;
        if (frame.Outer is { } outer)
        {
            outer._tensors.Add(tensor);
            tensor._scope = outer;
        }
    }

    /// <summary>Takes <paramref name="tensor"/> out of every scope: no open scope may recycle its storage.</summary>
    internal static void Detach(Tensor tensor)
    {
        tensor._scope = null;
        for (var frame = t_current; frame is not null; frame = frame.Outer)
            frame._kept.Add(tensor._storage);
    }

    internal static void Close(DisposeScopeFrame frame)
    {
        // Inner scopes still open end first.
        while (t_current is not null && t_current != frame && t_current.Depth > frame.Depth) Close(t_current);
        foreach (var tensor in frame._tensors)
        {
            if (tensor._scope != frame) continue;   // moved out or detached
            tensor._scope = null;
            if (tensor._ownsPooledStorage && !frame.IsKept(tensor._storage))
                CachingAllocator.Give(tensor._storage, tensor.DType);
            tensor.MarkDisposed();
        }
        frame._tensors.Clear();
        frame._kept.Clear();
        frame.Open = false;
        frame.Generation++;
        if (t_current == frame) t_current = frame.Outer;
        frame.Outer = null;
    }

    private bool IsKept(Array storage)
    {
        foreach (var kept in _kept)
            if (ReferenceEquals(kept, storage)) return true;
        return false;
    }
}
