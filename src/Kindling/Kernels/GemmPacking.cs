using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kindling.Kernels;

/// <summary>Copies blocks of A and B into the k-major layouts the micro-kernels stream through.</summary>
/// <remarks>Packing absorbs the transposes: the same kernel then serves Y = X·Wᵀ, dX = dY·W and dW = dYᵀ·X.
/// Element (i, p) of op(A) lives at a[i·rowStride + p·kStride]; element (p, j) of op(B) at
/// b[p·kStride + j·colStride].</remarks>
internal static unsafe class GemmPacking
{
    /// <summary>Packs <paramref name="rows"/> rows × <paramref name="kc"/> of op(A) into micro-panels of
    /// <paramref name="mr"/> rows, each kc × mr k-major; rows past the end are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(float* a, nint rowStride, nint kStride, int rows, int kc, int mr, float* dst)
    {
        for (int r0 = 0; r0 < rows; r0 += mr)
        {
            int valid = Math.Min(mr, rows - r0);
            float* d = dst + ((nint)r0 * kc);
            if (rowStride == 1 && mr == Vector256<float>.Count && (valid == mr || Avx512F.VL.IsSupported))
            {
                // op(A) = stored Aᵀ with 8-row micro-panels: one (masked, zero-filling) vector per p.
                Vector256<float> lanes = Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(valid)).AsSingle();
                for (int p = 0; p < kc; p++)
                {
                    float* s = a + r0 + (p * kStride);
                    Vector256<float> v = valid == mr ? Vector256.Load(s) : Avx512F.VL.MaskLoad(s, lanes, Vector256<float>.Zero);
                    v.Store(d + ((nint)p * mr));
                }
            }
            else if (rowStride == 1)
            {
                // op(A) = stored Aᵀ: a micro-panel's rows are contiguous for each p.
                for (int p = 0; p < kc; p++)
                {
                    float* s = a + r0 + (p * kStride);
                    float* dp = d + ((nint)p * mr);
                    int r = 0;
                    for (; r < valid; r++)
                    {
                        dp[r] = s[r];
                    }

                    for (; r < mr; r++)
                    {
                        dp[r] = 0f;
                    }
                }
            }
            else
            {
                // op(A) = stored A (row-major, kStride 1), the common case: tiles of mr rows × 8 k transposed in
                // registers (mr 8, or the AVX2 kernel's 6), the scalar loop below then covers the ragged end of k.
                int pVector = kStride == 1 && mr is 8 or 6 && valid == mr && Avx.IsSupported ? kc - (kc % 8) : 0;
                for (int p = 0; p < pVector; p += 8)
                {
                    if (mr == 8)
                    {
                        Transpose8x8(a + (r0 * rowStride) + p, rowStride, d + ((nint)p * mr), mr);
                    }
                    else
                    {
                        Transpose6x8(a + (r0 * rowStride) + p, rowStride, d + ((nint)p * mr));
                    }
                }

                for (int r = 0; r < mr; r++)
                {
                    float* dr = d + r;
                    if (r < valid)
                    {
                        float* s = a + ((r0 + r) * rowStride);
                        for (int p = pVector; p < kc; p++)
                        {
                            dr[(nint)p * mr] = s[p * kStride];
                        }
                    }
                    else
                    {
                        for (int p = 0; p < kc; p++)
                        {
                            dr[(nint)p * mr] = 0f;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Packs kc rows × <paramref name="cols"/> columns of op(B) into one panel of
    /// <paramref name="nr"/> columns, kc × nr row-major; columns past the end are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackBPanel(float* b, nint kStride, nint colStride, int kc, int cols, int nr, float* dst)
    {
        if (colStride == 1 && cols == nr && nr % Vector256<float>.Count == 0)
        {
            // Full panel of a row-major B: each k row is nr contiguous floats (the common case).
            for (int p = 0; p < kc; p++)
            {
                float* s = b + (p * kStride);
                float* d = dst + ((nint)p * nr);
                for (int j = 0; j < nr; j += Vector256<float>.Count)
                {
                    Vector256.Load(s + j).Store(d + j);
                }
            }

            return;
        }

        if (colStride == 1 && Avx512F.IsSupported && nr % Vector512<float>.Count == 0)
        {
            // Ragged last panel: masked loads fill the padding columns with zeros in the same instruction.
            for (int p = 0; p < kc; p++)
            {
                float* s = b + (p * kStride);
                float* d = dst + ((nint)p * nr);
                for (int j = 0; j < nr; j += Vector512<float>.Count)
                {
                    Vector512<float> lanes = Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(cols - j)).AsSingle();
                    Avx512F.MaskLoad(s + j, lanes, Vector512<float>.Zero).Store(d + j);
                }
            }

            return;
        }

        if (colStride == 1)
        {
            for (int p = 0; p < kc; p++)
            {
                float* s = b + (p * kStride);
                float* d = dst + ((nint)p * nr);
                new ReadOnlySpan<float>(s, cols).CopyTo(new Span<float>(d, cols));
                if (cols < nr)
                {
                    new Span<float>(d + cols, nr - cols).Clear();
                }
            }

            return;
        }

        // op(B) = stored Bᵀ (e.g. Linear's weight (out, in)): each column of op(B) is a contiguous stored row.
        // Whole 8 × 8 tiles are transposed in registers; the scalar loop covers the ragged edges and the padding.
        int jVector = 0, pVector = 0;
        if (kStride == 1 && Avx.IsSupported)
        {
            jVector = cols - (cols % 8);
            pVector = kc - (kc % 8);
            for (int j = 0; j < jVector; j += 8)
            {
                for (int p = 0; p < pVector; p += 8)
                {
                    Transpose8x8(b + (j * colStride) + p, colStride, dst + ((nint)p * nr) + j, nr);
                }
            }
        }

        for (int j = 0; j < nr; j++)
        {
            float* d = dst + j;
            if (j < cols)
            {
                float* s = b + (j * colStride);
                for (int p = j < jVector ? pVector : 0; p < kc; p++)
                {
                    d[(nint)p * nr] = s[p * kStride];
                }
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    d[(nint)p * nr] = 0f;
                }
            }
        }
    }

    /// <summary>The 6-row form of <see cref="Transpose8x8"/> for the AVX2 kernel's micro-panels: dst + 6·q holds
    /// column q of the 6 × 8 tile (rows 6 and 7 of the 8 × 8 transpose repeat row 5 and are not stored).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose6x8(float* src, nint srcStride, float* dst)
    {
        Vector256<float> r0 = Avx.LoadVector256(src), r1 = Avx.LoadVector256(src + srcStride);
        Vector256<float> r2 = Avx.LoadVector256(src + (2 * srcStride)), r3 = Avx.LoadVector256(src + (3 * srcStride));
        Vector256<float> r4 = Avx.LoadVector256(src + (4 * srcStride)), r5 = Avx.LoadVector256(src + (5 * srcStride));
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> s0 = Avx.Shuffle(t0, t2, 0x44), s1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> s2 = Avx.Shuffle(t1, t3, 0x44), s3 = Avx.Shuffle(t1, t3, 0xEE);

        // Rows 4 and 5 of each column: t4/t5 already hold them as (e_q, f_q) pairs.
        Store6(dst, s0.GetLower(), t4.GetLower());
        Store6(dst + 6, s1.GetLower(), Sse.MoveHighToLow(t4.GetLower(), t4.GetLower()));
        Store6(dst + 12, s2.GetLower(), t5.GetLower());
        Store6(dst + 18, s3.GetLower(), Sse.MoveHighToLow(t5.GetLower(), t5.GetLower()));
        Store6(dst + 24, s0.GetUpper(), t4.GetUpper());
        Store6(dst + 30, s1.GetUpper(), Sse.MoveHighToLow(t4.GetUpper(), t4.GetUpper()));
        Store6(dst + 36, s2.GetUpper(), t5.GetUpper());
        Store6(dst + 42, s3.GetUpper(), Sse.MoveHighToLow(t5.GetUpper(), t5.GetUpper()));

        static void Store6(float* d, Vector128<float> firstFour, Vector128<float> lastTwo)
        {
            firstFour.Store(d);
            Sse.StoreLow(d + 4, lastTwo);
        }
    }

    /// <summary>dst row q (8 floats at dst + q·dstStride) = column q of the 8 × 8 tile whose row r is the 8 floats at
    /// src + r·srcStride: a plain copy, so packing stays exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* src, nint srcStride, float* dst, nint dstStride)
    {
        Vector256<float> r0 = Avx.LoadVector256(src), r1 = Avx.LoadVector256(src + srcStride);
        Vector256<float> r2 = Avx.LoadVector256(src + (2 * srcStride)), r3 = Avx.LoadVector256(src + (3 * srcStride));
        Vector256<float> r4 = Avx.LoadVector256(src + (4 * srcStride)), r5 = Avx.LoadVector256(src + (5 * srcStride));
        Vector256<float> r6 = Avx.LoadVector256(src + (6 * srcStride)), r7 = Avx.LoadVector256(src + (7 * srcStride));

        // Interleave pairs of rows, then pairs of pairs, within each 128-bit half; then swap the halves.
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
        Vector256<float> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5);
        Vector256<float> t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> s0 = Avx.Shuffle(t0, t2, 0x44), s1 = Avx.Shuffle(t0, t2, 0xEE);
        Vector256<float> s2 = Avx.Shuffle(t1, t3, 0x44), s3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> s4 = Avx.Shuffle(t4, t6, 0x44), s5 = Avx.Shuffle(t4, t6, 0xEE);
        Vector256<float> s6 = Avx.Shuffle(t5, t7, 0x44), s7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(dst, Avx.Permute2x128(s0, s4, 0x20));
        Avx.Store(dst + dstStride, Avx.Permute2x128(s1, s5, 0x20));
        Avx.Store(dst + (2 * dstStride), Avx.Permute2x128(s2, s6, 0x20));
        Avx.Store(dst + (3 * dstStride), Avx.Permute2x128(s3, s7, 0x20));
        Avx.Store(dst + (4 * dstStride), Avx.Permute2x128(s0, s4, 0x31));
        Avx.Store(dst + (5 * dstStride), Avx.Permute2x128(s1, s5, 0x31));
        Avx.Store(dst + (6 * dstStride), Avx.Permute2x128(s2, s6, 0x31));
        Avx.Store(dst + (7 * dstStride), Avx.Permute2x128(s3, s7, 0x31));
    }
}
