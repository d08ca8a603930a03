namespace Kindling;

/// <summary>A caching CPU allocator for tensor storage, as PyTorch's caching allocators: arrays that a
/// <see cref="DisposeScope"/> frees are kept by exact element type and length and handed to the next tensor of that
/// size, so a training loop whose shapes repeat stops allocating after its first step.</summary>
/// <remarks>
/// Only tensors made while a scope is active draw from it, and only a scope's end gives arrays back (see
/// <see cref="DisposeScope"/> for when an array is known to be unreferenced). Thread-safe: one lock around a
/// dictionary lookup and a stack push or pop. Bounded: at most <see cref="MaxCachedBytes"/> in all; beyond that a
/// freed array is left to the garbage collector.
/// </remarks>
internal static class CachingAllocator
{
    /// <summary>The most bytes the cache holds (a few copies of a large model's activations).</summary>
    internal const long MaxCachedBytes = 512L << 20;

    private static readonly Dictionary<(DType, int), Stack<Array>> s_free = [];
    private static readonly Lock s_lock = new();
    private static long s_cachedBytes;

    /// <summary>Bytes held for reuse now (for tests and benchmarks).</summary>
    internal static long CachedBytes
    {
        get
        {
            lock (s_lock) return s_cachedBytes;
        }
    }

    /// <summary>A cached array of <paramref name="dtype"/> and exactly <paramref name="count"/> elements, or null.
    /// Its contents are whatever its last tensor left.</summary>
    internal static Array? TryTake(DType dtype, int count)
    {
        if (count == 0) return null;
        lock (s_lock)
        {
            if (!s_free.TryGetValue((dtype, count), out var stack) || stack.Count == 0) return null;
            var array = stack.Pop();
            s_cachedBytes -= Bytes(dtype, count);
            return array;
        }
    }

    /// <summary>Keeps <paramref name="array"/> for reuse; the caller guarantees nothing references it any more.</summary>
    internal static void Give(Array array, DType dtype)
    {
        if (array.Length == 0) return;
        long bytes = Bytes(dtype, array.Length);
        lock (s_lock)
        {
            if (s_cachedBytes + bytes > MaxCachedBytes) return;
            var key = (dtype, array.Length);
            if (!s_free.TryGetValue(key, out var stack)) s_free[key] = stack = new Stack<Array>();
            stack.Push(array);
            s_cachedBytes += bytes;
        }
    }

    /// <summary>Drops every cached array (PyTorch's <c>torch.cuda.empty_cache()</c>, for the CPU).</summary>
    internal static void EmptyCache()
    {
        lock (s_lock)
        {
            s_free.Clear();
            s_cachedBytes = 0;
        }
    }

    private static long Bytes(DType dtype, int count) => (long)count * dtype switch { DType.Bool => 1, DType.Float32 => 4, _ => 8 };
}
