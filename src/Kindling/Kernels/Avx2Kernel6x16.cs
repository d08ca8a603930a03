using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kindling.Kernels;

/// <summary>AVX2 micro-kernel: a 6×16 tile of C in 12 ymm accumulators.</summary>
/// <remarks>12 accumulators + 2 B vectors + 1 broadcast = 15 of the 16 ymm registers; the classic
/// Haswell-era shape (BLIS uses 6×16 for sgemm on AVX2) that keeps both FMA ports busy.</remarks>
internal readonly struct Avx2Kernel6x16 : IGemmMicroKernel
{
    public static int MR => 6;

    public static int NR => 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, nint rs, nint ks, float* panel,
        int rows, int cols, in TileStore store, nint i0, nint j0)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector256<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector256<float> c40 = default, c41 = default, c50 = default, c51 = default;
        float* b = panel;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(b);
            Vector256<float> b1 = Vector256.Load(b + 8);
            Vector256<float> av = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(av, b0, c00);
            c01 = Fma.MultiplyAdd(av, b1, c01);
            av = Vector256.Create(a[rs]);
            c10 = Fma.MultiplyAdd(av, b0, c10);
            c11 = Fma.MultiplyAdd(av, b1, c11);
            av = Vector256.Create(a[2 * rs]);
            c20 = Fma.MultiplyAdd(av, b0, c20);
            c21 = Fma.MultiplyAdd(av, b1, c21);
            av = Vector256.Create(a[3 * rs]);
            c30 = Fma.MultiplyAdd(av, b0, c30);
            c31 = Fma.MultiplyAdd(av, b1, c31);
            av = Vector256.Create(a[4 * rs]);
            c40 = Fma.MultiplyAdd(av, b0, c40);
            c41 = Fma.MultiplyAdd(av, b1, c41);
            av = Vector256.Create(a[5 * rs]);
            c50 = Fma.MultiplyAdd(av, b0, c50);
            c51 = Fma.MultiplyAdd(av, b1, c51);
            a += ks;
            b += 16;
        }

        if (rows == 6 && cols == 16)
        {
            store.Store256(c00, i0, j0); store.Store256(c01, i0, j0 + 8);
            store.Store256(c10, i0 + 1, j0); store.Store256(c11, i0 + 1, j0 + 8);
            store.Store256(c20, i0 + 2, j0); store.Store256(c21, i0 + 2, j0 + 8);
            store.Store256(c30, i0 + 3, j0); store.Store256(c31, i0 + 3, j0 + 8);
            store.Store256(c40, i0 + 4, j0); store.Store256(c41, i0 + 4, j0 + 8);
            store.Store256(c50, i0 + 5, j0); store.Store256(c51, i0 + 5, j0 + 8);
            return;
        }

        float* t = stackalloc float[6 * 16];
        c00.Store(t); c01.Store(t + 8); c10.Store(t + 16); c11.Store(t + 24);
        c20.Store(t + 32); c21.Store(t + 40); c30.Store(t + 48); c31.Store(t + 56);
        c40.Store(t + 64); c41.Store(t + 72); c50.Store(t + 80); c51.Store(t + 88);
        store.StoreEdge256(t, 16, rows, cols, i0, j0);
    }
}
