using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kindling.Kernels;

/// <summary>AVX-512 micro-kernel for narrow outputs (n ≤ 16, e.g. the seed's 16-wide layers): an 8×16 tile
/// in 8 zmm accumulators, so a 16-wide C is not padded to 32 columns of wasted FMAs.</summary>
internal readonly struct Avx512Kernel8x16 : IGemmMicroKernel
{
    public static int MR => 8;

    public static int NR => 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, nint rs, nint ks, float* panel,
        int rows, int cols, in TileStore store, nint i0, nint j0)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<float> c4 = default, c5 = default, c6 = default, c7 = default;
        float* b = panel;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[0]), b0, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[rs]), b0, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[2 * rs]), b0, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[3 * rs]), b0, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[4 * rs]), b0, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[5 * rs]), b0, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[6 * rs]), b0, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a[7 * rs]), b0, c7);
            a += ks;
            b += 16;
        }

        if (rows == 8 && cols == 16)
        {
            store.Store512(c0, i0, j0); store.Store512(c1, i0 + 1, j0);
            store.Store512(c2, i0 + 2, j0); store.Store512(c3, i0 + 3, j0);
            store.Store512(c4, i0 + 4, j0); store.Store512(c5, i0 + 5, j0);
            store.Store512(c6, i0 + 6, j0); store.Store512(c7, i0 + 7, j0);
            return;
        }

        float* t = stackalloc float[8 * 16];
        c0.Store(t); c1.Store(t + 16); c2.Store(t + 32); c3.Store(t + 48);
        c4.Store(t + 64); c5.Store(t + 80); c6.Store(t + 96); c7.Store(t + 112);
        store.StoreEdge512(t, 16, rows, cols, i0, j0);
    }
}
