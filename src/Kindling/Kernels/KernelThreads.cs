namespace Kindling.Kernels;

/// <summary>The number of threads the kernels may use (<c>torch.set_num_threads</c>).</summary>
internal static class KernelThreads
{
    private static int count = Environment.ProcessorCount;

    [ThreadStatic]
    private static int forced;

    /// <summary>Threads for the calling thread's kernels: a test override if set, else the global count.</summary>
    public static int Effective => forced > 0 ? forced : Volatile.Read(ref count);

    /// <summary>The global thread count, ≥ 1.</summary>
    public static int Count
    {
        get => Volatile.Read(ref count);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(value));
            Volatile.Write(ref count, value);
        }
    }

    /// <summary>Overrides the count for kernels called from this thread only (tests); 0 clears.</summary>
    internal static int ForcedForThisThread
    {
        get => forced;
        set => forced = value;
    }
}
