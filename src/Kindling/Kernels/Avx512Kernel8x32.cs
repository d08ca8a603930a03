using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kindling.Kernels;

/// <summary>AVX-512 micro-kernel: an 8×32 tile of C in 16 zmm accumulators.</summary>
/// <remarks>Per k: two 16-float loads of the B panel, 8 broadcasts of A, 16 FMAs. 16 accumulators + 2 B + 1
/// broadcast use 19 of the 32 zmm registers, and 16 independent FMA chains cover the FMA latency
/// (4 cycles × 2 ports = 8 in flight needed).</remarks>
internal readonly struct Avx512Kernel8x32 : IGemmMicroKernel
{
    public static int MR => 8;

    public static int NR => 32;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, nint rs, nint ks, float* panel,
        int rows, int cols, in TileStore store, nint i0, nint j0)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default;
        Vector512<float> c20 = default, c21 = default, c30 = default, c31 = default;
        Vector512<float> c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> c60 = default, c61 = default, c70 = default, c71 = default;
        float* b = panel;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> av = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(av, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(av, b1, c01);
            av = Vector512.Create(a[rs]);
            c10 = Avx512F.FusedMultiplyAdd(av, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(av, b1, c11);
            av = Vector512.Create(a[2 * rs]);
            c20 = Avx512F.FusedMultiplyAdd(av, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(av, b1, c21);
            av = Vector512.Create(a[3 * rs]);
            c30 = Avx512F.FusedMultiplyAdd(av, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(av, b1, c31);
            av = Vector512.Create(a[4 * rs]);
            c40 = Avx512F.FusedMultiplyAdd(av, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(av, b1, c41);
            av = Vector512.Create(a[5 * rs]);
            c50 = Avx512F.FusedMultiplyAdd(av, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(av, b1, c51);
            av = Vector512.Create(a[6 * rs]);
            c60 = Avx512F.FusedMultiplyAdd(av, b0, c60);
            c61 = Avx512F.FusedMultiplyAdd(av, b1, c61);
            av = Vector512.Create(a[7 * rs]);
            c70 = Avx512F.FusedMultiplyAdd(av, b0, c70);
            c71 = Avx512F.FusedMultiplyAdd(av, b1, c71);
            a += ks;
            b += 32;
        }

        if (rows == 8 && cols == 32)
        {
            store.Store512(c00, i0, j0); store.Store512(c01, i0, j0 + 16);
            store.Store512(c10, i0 + 1, j0); store.Store512(c11, i0 + 1, j0 + 16);
            store.Store512(c20, i0 + 2, j0); store.Store512(c21, i0 + 2, j0 + 16);
            store.Store512(c30, i0 + 3, j0); store.Store512(c31, i0 + 3, j0 + 16);
            store.Store512(c40, i0 + 4, j0); store.Store512(c41, i0 + 4, j0 + 16);
            store.Store512(c50, i0 + 5, j0); store.Store512(c51, i0 + 5, j0 + 16);
            store.Store512(c60, i0 + 6, j0); store.Store512(c61, i0 + 6, j0 + 16);
            store.Store512(c70, i0 + 7, j0); store.Store512(c71, i0 + 7, j0 + 16);
            return;
        }

        // Edge tile: spill the accumulators and store only the valid corner.
        float* t = stackalloc float[8 * 32];
        c00.Store(t); c01.Store(t + 16); c10.Store(t + 32); c11.Store(t + 48);
        c20.Store(t + 64); c21.Store(t + 80); c30.Store(t + 96); c31.Store(t + 112);
        c40.Store(t + 128); c41.Store(t + 144); c50.Store(t + 160); c51.Store(t + 176);
        c60.Store(t + 192); c61.Store(t + 208); c70.Store(t + 224); c71.Store(t + 240);
        store.StoreEdge512(t, 32, rows, cols, i0, j0);
    }
}
