using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kindling.Kernels;

/// <summary>Portable micro-kernel: a 4 × (2·<see cref="Vector{T}"/>.Count) tile in 8 accumulators.</summary>
/// <remarks>8 accumulators + 2 B vectors + 1 broadcast fit the 16 SIMD registers of both x64 (AVX2 width
/// 8) and Arm64 NEON (width 4, 32 registers).</remarks>
internal readonly struct PortableKernel : IGemmMicroKernel
{
    public static int MR => 4;

    public static int NR => 2 * Vector<float>.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, nint rs, nint ks, float* panel,
        int rows, int cols, in TileStore store, nint i0, nint j0)
    {
        int w = Vector<float>.Count;
        Vector<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector<float> c20 = default, c21 = default, c30 = default, c31 = default;
        float* b = panel;
        for (int p = 0; p < kc; p++)
        {
            Vector<float> b0 = Vector.Load(b);
            Vector<float> b1 = Vector.Load(b + w);
            Vector<float> av = new(a[0]);
            c00 = Vector.FusedMultiplyAdd(av, b0, c00);
            c01 = Vector.FusedMultiplyAdd(av, b1, c01);
            av = new(a[rs]);
            c10 = Vector.FusedMultiplyAdd(av, b0, c10);
            c11 = Vector.FusedMultiplyAdd(av, b1, c11);
            av = new(a[2 * rs]);
            c20 = Vector.FusedMultiplyAdd(av, b0, c20);
            c21 = Vector.FusedMultiplyAdd(av, b1, c21);
            av = new(a[3 * rs]);
            c30 = Vector.FusedMultiplyAdd(av, b0, c30);
            c31 = Vector.FusedMultiplyAdd(av, b1, c31);
            a += ks;
            b += 2 * w;
        }

        if (rows == 4 && cols == 2 * w)
        {
            store.StoreVector(c00, i0, j0); store.StoreVector(c01, i0, j0 + w);
            store.StoreVector(c10, i0 + 1, j0); store.StoreVector(c11, i0 + 1, j0 + w);
            store.StoreVector(c20, i0 + 2, j0); store.StoreVector(c21, i0 + 2, j0 + w);
            store.StoreVector(c30, i0 + 3, j0); store.StoreVector(c31, i0 + 3, j0 + w);
            return;
        }

        float* t = stackalloc float[8 * w];
        c00.Store(t); c01.Store(t + w); c10.Store(t + (2 * w)); c11.Store(t + (3 * w));
        c20.Store(t + (4 * w)); c21.Store(t + (5 * w)); c30.Store(t + (6 * w)); c31.Store(t + (7 * w));
        store.StorePartial(t, 2 * w, rows, cols, i0, j0);
    }
}
