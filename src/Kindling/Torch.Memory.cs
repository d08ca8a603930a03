namespace Kindling;

public static partial class Torch
{
    /// <summary>Opens a <see cref="DisposeScope"/> on this thread: tensors made until it is disposed belong to it and
    /// are disposed with it, their storage recycled (TorchSharp's <c>torch.NewDisposeScope()</c>).</summary>
    public static DisposeScope NewDisposeScope() => DisposeScopeFrame.Begin();

    /// <summary>Drops the storage Kindling's caching allocator keeps for reuse (<c>torch.cuda.empty_cache()</c>'s
    /// counterpart on the CPU).</summary>
    public static void EmptyCache() => CachingAllocator.EmptyCache();
}
