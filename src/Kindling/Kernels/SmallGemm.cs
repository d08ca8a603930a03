using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kindling.Kernels;

/// <summary>Matrix products whose output rows fit one 512-bit vector (n ≤ 16 columns, the seed's layers), without
/// packing: the blocked <see cref="Gemm"/> copies B into panels and walks k-blocks of tiles, which costs more than the
/// arithmetic when a layer is 11-16-6 wide. Same per-element arithmetic as the blocked GEMM — each element of C is
/// a chain of fused multiply-adds over k in order from zero, one chain per k-block of <see cref="SgemmJob.KBlock"/>,
/// the blocks' sums added in order, then bias and ReLU — so the results are bit-identical (tested).</summary>
/// <remarks>AVX-512 only, and single-threaded: callers fall back to <see cref="Gemm.Sgemm"/> when a method returns
/// false (another path, a forced path in tests, a shape out of range, or a product big enough for the blocked GEMM
/// to split across threads).</remarks>
internal static unsafe class SmallGemm
{
    private const int Width = 16;

    // Where the blocked GEMM would split the product across threads, it is the faster of the two.
    private static bool Usable(int m, int n, int k) =>
        Gemm.Path == GemmPath.Avx512 && Avx512F.IsSupported && (KernelThreads.Effective == 1 || 2.0 * m * n * k < Gemm.ParallelFlops);

    /// <summary>C (m × n) = A (m × k) · op(B) [+ bias] [ReLU], row-major and dense; op(B) is k × n:
    /// B itself (k × n) or, with <paramref name="transB"/>, the transpose of a stored n × k matrix.</summary>
    /// <returns>False (nothing written) unless n ≤ 16 and k ≤ one k-block.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRows(ReadOnlySpan<float> a, int m, int k, ReadOnlySpan<float> b, bool transB, int n,
        Span<float> c, ReadOnlySpan<float> bias, bool relu)
    {
        if (n > Width || n == 0 || k == 0 || k > SgemmJob.KBlock || !Usable(m, n, k)) return false;
        // op(B) as k rows of 16 floats, zero-padded (at most 16 KiB).
        float* bRows = stackalloc float[k * Width];
        new Span<float>(bRows, k * Width).Clear();
        for (int p = 0; p < k; p++)
            for (int j = 0; j < n; j++)
                bRows[(p * Width) + j] = transB ? b[(j * k) + p] : b[(p * n) + j];
        var lanes = Lanes(n);
        Vector512<float> biasRow = bias.IsEmpty ? Vector512<float>.Zero : LoadPartial(bias);
        bool hasBias = !bias.IsEmpty;
        fixed (float* pa = a, pc = c)
        {
            int i = 0;
            for (; i + 4 <= m; i += 4)
            {
                float* a0 = pa + ((nint)i * k);
                Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
                for (int p = 0; p < k; p++)
                {
                    var row = Vector512.Load(bRows + (p * Width));
                    c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[p]), row, c0);
                    c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[k + p]), row, c1);
                    c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[(2 * k) + p]), row, c2);
                    c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[(3 * k) + p]), row, c3);
                }
                float* ci = pc + ((nint)i * n);
                Store(ci, c0, biasRow, hasBias, relu, lanes);
                Store(ci + n, c1, biasRow, hasBias, relu, lanes);
                Store(ci + (2 * n), c2, biasRow, hasBias, relu, lanes);
                Store(ci + (3 * n), c3, biasRow, hasBias, relu, lanes);
            }
            for (; i < m; i++)
            {
                float* ai = pa + ((nint)i * k);
                Vector512<float> acc = default;
                for (int p = 0; p < k; p++)
                    acc = Avx512F.FusedMultiplyAdd(Vector512.Create(ai[p]), Vector512.Load(bRows + (p * Width)), acc);
                Store(pc + ((nint)i * n), acc, biasRow, hasBias, relu, lanes);
            }
        }
        return true;
    }

    /// <summary>C (m × n) = Aᵀ · B for A (k × m) and B (k × n), row-major and dense: a Linear layer's weight gradient
    /// dW = dYᵀ · X over a batch of k rows.</summary>
    /// <returns>False (nothing written) unless m ≤ 16 and n ≤ 16.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryTransposedA(ReadOnlySpan<float> a, int k, int m, ReadOnlySpan<float> b, int n, Span<float> c)
    {
        if (m > Width || n > Width || m == 0 || n == 0 || k == 0 || !Usable(m, n, k)) return false;
        var lanes = Lanes(n);
        fixed (float* pa = a, pb = b, pc = c)
        {
            // Rows of C in groups of 8, 4, then 1: each group's chains stay in registers over a k-block.
            int i = 0;
            for (; i + 8 <= m; i += 8) TransposedRows8(pa, k, m, pb, n, pc, i, lanes);
            for (; i + 4 <= m; i += 4) TransposedRows4(pa, k, m, pb, n, pc, i, lanes);
            for (; i < m; i++) TransposedRow(pa, k, m, pb, n, pc, i, lanes);
        }
        return true;
    }

    // Rows i..i+7 of C = Aᵀ·B. The blocked GEMM stores the first k-block's chain, then adds each later block's chain to C.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposedRows8(float* a, int k, int m, float* b, int n, float* c, int i, Vector512<float> lanes)
    {
        Vector512<float> t0 = default, t1 = default, t2 = default, t3 = default, t4 = default, t5 = default, t6 = default, t7 = default;
        for (int start = 0; start < k; start += SgemmJob.KBlock)
        {
            int end = Math.Min(k, start + SgemmJob.KBlock);
            Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default, c6 = default, c7 = default;
            for (int p = start; p < end; p++)
            {
                var row = Avx512F.MaskLoad(b + ((nint)p * n), lanes, Vector512<float>.Zero);
                float* ap = a + ((nint)p * m) + i;
                c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[0]), row, c0);
                c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[1]), row, c1);
                c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[2]), row, c2);
                c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[3]), row, c3);
                c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[4]), row, c4);
                c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[5]), row, c5);
                c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[6]), row, c6);
                c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[7]), row, c7);
            }
            bool first = start == 0;
            t0 = first ? c0 : t0 + c0; t1 = first ? c1 : t1 + c1; t2 = first ? c2 : t2 + c2; t3 = first ? c3 : t3 + c3;
            t4 = first ? c4 : t4 + c4; t5 = first ? c5 : t5 + c5; t6 = first ? c6 : t6 + c6; t7 = first ? c7 : t7 + c7;
        }
        Store(c + ((nint)i * n), t0, default, false, false, lanes); Store(c + ((nint)(i + 1) * n), t1, default, false, false, lanes);
        Store(c + ((nint)(i + 2) * n), t2, default, false, false, lanes); Store(c + ((nint)(i + 3) * n), t3, default, false, false, lanes);
        Store(c + ((nint)(i + 4) * n), t4, default, false, false, lanes); Store(c + ((nint)(i + 5) * n), t5, default, false, false, lanes);
        Store(c + ((nint)(i + 6) * n), t6, default, false, false, lanes); Store(c + ((nint)(i + 7) * n), t7, default, false, false, lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposedRows4(float* a, int k, int m, float* b, int n, float* c, int i, Vector512<float> lanes)
    {
        Vector512<float> t0 = default, t1 = default, t2 = default, t3 = default;
        for (int start = 0; start < k; start += SgemmJob.KBlock)
        {
            int end = Math.Min(k, start + SgemmJob.KBlock);
            Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
            for (int p = start; p < end; p++)
            {
                var row = Avx512F.MaskLoad(b + ((nint)p * n), lanes, Vector512<float>.Zero);
                float* ap = a + ((nint)p * m) + i;
                c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[0]), row, c0);
                c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[1]), row, c1);
                c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[2]), row, c2);
                c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(ap[3]), row, c3);
            }
            bool first = start == 0;
            t0 = first ? c0 : t0 + c0; t1 = first ? c1 : t1 + c1; t2 = first ? c2 : t2 + c2; t3 = first ? c3 : t3 + c3;
        }
        Store(c + ((nint)i * n), t0, default, false, false, lanes); Store(c + ((nint)(i + 1) * n), t1, default, false, false, lanes);
        Store(c + ((nint)(i + 2) * n), t2, default, false, false, lanes); Store(c + ((nint)(i + 3) * n), t3, default, false, false, lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void TransposedRow(float* a, int k, int m, float* b, int n, float* c, int i, Vector512<float> lanes)
    {
        Vector512<float> total = default;
        for (int start = 0; start < k; start += SgemmJob.KBlock)
        {
            int end = Math.Min(k, start + SgemmJob.KBlock);
            Vector512<float> acc = default;
            for (int p = start; p < end; p++)
                acc = Avx512F.FusedMultiplyAdd(Vector512.Create(a[((nint)p * m) + i]), Avx512F.MaskLoad(b + ((nint)p * n), lanes, Vector512<float>.Zero), acc);
            total = start == 0 ? acc : total + acc;
        }
        Store(c + ((nint)i * n), total, default, false, false, lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, Vector512<float> x, Vector512<float> bias, bool hasBias, bool relu, Vector512<float> lanes)
    {
        if (hasBias) x += bias;
        if (relu) x = Avx512F.Max(Vector512<float>.Zero, x);   // maxps keeps a NaN, as the GEMM's epilogue
        Avx512F.MaskStore(c, lanes, x);                         // never past the row's n columns
    }

    // The first n lanes set, as TileStore's partial stores.
    private static Vector512<float> Lanes(int n) => Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(n)).AsSingle();

    private static Vector512<float> LoadPartial(ReadOnlySpan<float> values)
    {
        Span<float> padded = stackalloc float[Width];
        padded.Clear();
        values.CopyTo(padded);
        return Vector512.Create<float>(padded);
    }
}
