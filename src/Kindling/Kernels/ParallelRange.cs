using System.Runtime.CompilerServices;

namespace Kindling.Kernels;

/// <summary>The body of a <see cref="ParallelRange.For{TBody}(int, int, in TBody)"/> loop: one chunk of the range.</summary>
/// <remarks>Implement it with a struct, so the loop specialises per body and allocates nothing.</remarks>
internal interface IRangeBody
{
    /// <summary>Processes elements [<paramref name="start"/>, <paramref name="end"/>), which are chunk number
    /// <paramref name="chunk"/> of the loop (a reduction writes its partial result to slot <paramref name="chunk"/>).</summary>
    void Run(int chunk, int start, int end);
}

/// <summary>A parallel for-loop over fixed chunks, on the kernels' fork-join pool: the elementwise, reduction and
/// optimizer counterpart of the GEMM's fixed blocks of C.</summary>
/// <remarks>
/// The chunks depend only on the element count and the grain, never on the thread count or on which thread runs a
/// chunk, so a loop whose chunks are independent — elementwise maps, or reductions that combine per-chunk partials in
/// chunk order — gives bit-identical results on 1 or N threads. With one thread, or one chunk, the body runs on the
/// caller with the same chunk boundaries.
/// Choosing the grain: a fork-join costs about 1 µs while the pool's workers spin (right after another kernel) and
/// tens of µs when they have gone to sleep; a chunk should be worth several µs (for a memory-bound float32 map,
/// ≥ 16K elements).
/// Usage (Adam over one parameter, say): <c>ParallelRange.For(n, ParallelRange.ElementwiseGrain, new AdamBody(...))</c>
/// with <c>AdamBody : IRangeBody</c> a struct holding the spans as pointers or arrays plus the scalars.
/// </remarks>
internal static class ParallelRange
{
    /// <summary>A grain for memory-bound float32 elementwise loops: 16K elements (64 KiB), a few µs of one core.</summary>
    public const int ElementwiseGrain = 1 << 14;

    /// <summary>At most this many chunks: enough for balance on a shared machine, few enough that per-chunk work
    /// (and a reduction's partials) stays small.</summary>
    public const int MaxChunks = 64;

    /// <summary>The number of chunks <see cref="For{TBody}"/> cuts <paramref name="count"/> elements into.</summary>
    public static int ChunkCount(int count, int grain) => ChunkSize(count, grain) is var size && size == 0 ? 0 : (count + size - 1) / size;

    /// <summary>Elements per chunk (the last chunk may be shorter): at least <paramref name="grain"/>, a multiple
    /// of 16 (whole 512-bit vectors of float32), and large enough for ≤ <see cref="MaxChunks"/> chunks.</summary>
    public static int ChunkSize(int count, int grain)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(grain, 1);
        if (count == 0)
        {
            return 0;
        }

        long size = Math.Max(grain, ((long)count + MaxChunks - 1) / MaxChunks);
        size = (size + 15) / 16 * 16;
        return (int)Math.Min(size, count);
    }

    /// <summary>Runs <paramref name="body"/> over [0, <paramref name="count"/>) in fixed chunks of
    /// <see cref="ChunkSize"/> elements, on up to <see cref="KernelThreads.Effective"/> threads (the caller
    /// included), and returns when every chunk is done.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void For<TBody>(int count, int grain, in TBody body)
        where TBody : struct, IRangeBody
    {
        int size = ChunkSize(count, grain);
        if (size == 0)
        {
            return;
        }

        int chunks = (count + size - 1) / size;
        int threads = KernelThreads.Effective;
        if (chunks == 1 || threads == 1 || ForkJoinPool.InJob)
        {
            for (int c = 0; c < chunks; c++)
            {
                int start = c * size;
                body.Run(c, start, Math.Min(count, start + size));
            }

            return;
        }

        RangeJob<TBody> job = RangeJob<TBody>.Current;
        job.Body = body;
        job.Count = count;
        job.Size = size;
        try
        {
            ForkJoinPool.Run(job, chunks, threads);
        }
        finally
        {
            job.Body = default; // drop the body's references (arrays) until the next loop
        }
    }

    /// <summary>The pool's view of one loop; one per calling thread and body type, reused.</summary>
    private sealed class RangeJob<TBody> : IParallelWork
        where TBody : struct, IRangeBody
    {
        [ThreadStatic]
        private static RangeJob<TBody>? current;

        public TBody Body;
        public int Count;
        public int Size;

        public static RangeJob<TBody> Current => current ??= new RangeJob<TBody>();

        public void Run(int task)
        {
            int start = task * Size;
            Body.Run(task, start, Math.Min(Count, start + Size));
        }
    }
}
