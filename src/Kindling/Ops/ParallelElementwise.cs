using Kindling.Kernels;

namespace Kindling;

/// <summary>The contiguous fast paths of <see cref="Elementwise"/> split into fixed chunks on the kernel pool
/// (<see cref="ParallelRange"/>) once a tensor is large enough for the fork to pay (a 256 × 256 activation is).</summary>
/// <remarks>Each element is computed by the same op call on any thread, so results are bit-identical to the serial
/// path for any thread count. Spans cannot live in a struct's fields, so the bodies hold arrays and offsets.</remarks>
internal static class ParallelElementwise
{
    /// <summary>Element counts from which the contiguous paths fork: two chunks of <see cref="ParallelRange.ElementwiseGrain"/>.</summary>
    public const int MinElements = 2 * ParallelRange.ElementwiseGrain;

    /// <summary>Whether an elementwise op over <paramref name="count"/> elements should go through the pool.</summary>
    public static bool Worth(int count) => count >= MinElements && KernelThreads.Effective > 1;

    /// <summary>dst[0..n) = op(src[srcOffset..srcOffset+n)).</summary>
    public static void Unary<TOp, T>(T[] src, int srcOffset, T[] dst, int n)
        where TOp : IUnaryOp<T>
        where T : unmanaged
        => ParallelRange.For(n, ParallelRange.ElementwiseGrain, new UnaryBody<TOp, T>(src, srcOffset, dst));

    /// <summary>dst[0..n) = op(src[srcOffset..srcOffset+n)) for a parametric op.</summary>
    public static void Map<TOp, T>(T[] src, int srcOffset, T[] dst, int n, TOp op)
        where TOp : struct, IMapOp<T>
        where T : unmanaged
        => ParallelRange.For(n, ParallelRange.ElementwiseGrain, new MapBody<TOp, T>(src, srcOffset, dst, op));

    /// <summary>dst[0..n) = op(a, b) where each operand is a run of n elements at its offset, or (when its
    /// <c>scalar</c> flag is set) the single element at its offset.</summary>
    public static void Binary<TOp, T, TOut>(T[] a, int aOffset, bool aScalar, T[] b, int bOffset, bool bScalar, TOut[] dst, int n)
        where TOp : IBinaryOp<TOp, T, TOut>
        where T : unmanaged
        where TOut : unmanaged
        => ParallelRange.For(n, ParallelRange.ElementwiseGrain, new BinaryBody<TOp, T, TOut>(a, aOffset, aScalar, b, bOffset, bScalar, dst));

    private readonly struct UnaryBody<TOp, T>(T[] src, int srcOffset, T[] dst) : IRangeBody
        where TOp : IUnaryOp<T>
        where T : unmanaged
    {
        public void Run(int chunk, int start, int end)
            => TOp.Invoke(src.AsSpan(srcOffset + start, end - start), dst.AsSpan(start, end - start));
    }

    private readonly struct MapBody<TOp, T>(T[] src, int srcOffset, T[] dst, TOp op) : IRangeBody
        where TOp : struct, IMapOp<T>
        where T : unmanaged
    {
        public void Run(int chunk, int start, int end)
        {
            ReadOnlySpan<T> s = src.AsSpan(srcOffset + start, end - start);
            Span<T> d = dst.AsSpan(start, end - start);
            for (int i = 0; i < d.Length; i++)
            {
                d[i] = op.Invoke(s[i]);
            }
        }
    }

    private readonly struct BinaryBody<TOp, T, TOut>(T[] a, int aOffset, bool aScalar, T[] b, int bOffset, bool bScalar, TOut[] dst) : IRangeBody
        where TOp : IBinaryOp<TOp, T, TOut>
        where T : unmanaged
        where TOut : unmanaged
    {
        public void Run(int chunk, int start, int end)
        {
            int n = end - start;
            Span<TOut> d = dst.AsSpan(start, n);
            if (bScalar)
            {
                TOp.Invoke(a.AsSpan(aOffset + start, n), b[bOffset], d);
            }
            else if (aScalar)
            {
                TOp.Invoke(a[aOffset], b.AsSpan(bOffset + start, n), d);
            }
            else
            {
                TOp.Invoke(a.AsSpan(aOffset + start, n), b.AsSpan(bOffset + start, n), d);
            }
        }
    }
}
