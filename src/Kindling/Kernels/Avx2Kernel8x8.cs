using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kindling.Kernels;

/// <summary>Micro-kernel for very narrow outputs (n ≤ 8, e.g. a classifier's logits): an 8×8 tile in 8 ymm
/// accumulators. A 16- or 32-wide tile would spend most of its FMAs on padding columns.</summary>
internal readonly struct Avx2Kernel8x8 : IGemmMicroKernel
{
    public static int MR => 8;

    public static int NR => 8;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Run(int kc, float* a, nint rs, nint ks, float* panel,
        int rows, int cols, in TileStore store, nint i0, nint j0)
    {
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector256<float> c4 = default, c5 = default, c6 = default, c7 = default;
        float* b = panel;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(b);
            c0 = Fma.MultiplyAdd(Vector256.Create(a[0]), b0, c0);
            c1 = Fma.MultiplyAdd(Vector256.Create(a[rs]), b0, c1);
            c2 = Fma.MultiplyAdd(Vector256.Create(a[2 * rs]), b0, c2);
            c3 = Fma.MultiplyAdd(Vector256.Create(a[3 * rs]), b0, c3);
            c4 = Fma.MultiplyAdd(Vector256.Create(a[4 * rs]), b0, c4);
            c5 = Fma.MultiplyAdd(Vector256.Create(a[5 * rs]), b0, c5);
            c6 = Fma.MultiplyAdd(Vector256.Create(a[6 * rs]), b0, c6);
            c7 = Fma.MultiplyAdd(Vector256.Create(a[7 * rs]), b0, c7);
            a += ks;
            b += 8;
        }

        if (rows == 8 && cols == 8)
        {
            store.Store256(c0, i0, j0); store.Store256(c1, i0 + 1, j0);
            store.Store256(c2, i0 + 2, j0); store.Store256(c3, i0 + 3, j0);
            store.Store256(c4, i0 + 4, j0); store.Store256(c5, i0 + 5, j0);
            store.Store256(c6, i0 + 6, j0); store.Store256(c7, i0 + 7, j0);
            return;
        }

        float* t = stackalloc float[8 * 8];
        c0.Store(t); c1.Store(t + 8); c2.Store(t + 16); c3.Store(t + 24);
        c4.Store(t + 32); c5.Store(t + 40); c6.Store(t + 48); c7.Store(t + 56);
        store.StoreEdge256(t, 8, rows, cols, i0, j0);
    }
}
