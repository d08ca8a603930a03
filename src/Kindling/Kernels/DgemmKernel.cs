using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kindling.Kernels;

/// <summary>The float64 product: simpler than the float32 one (float64 serves gradient checks and the
/// occasional double model, not the hot training path).</summary>
/// <remarks>op(B) is packed once into a contiguous k × n row-major copy (absorbing transB); then each group of
/// 4 rows of C accumulates Σ_p a(i, p) · B[p, j..j+W) in 4 <see cref="Vector{T}"/> registers per column strip,
/// over the whole of k in order, single-threaded — so the result is trivially thread-count independent.</remarks>
internal static unsafe class DgemmKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(bool transA, bool transB, int m, int n, int k, double alpha,
        double* a, int lda, double* b, int ldb, double beta, double* c, int ldc, double* bias)
    {
        double* bp = GemmWorkspace.Current.PackBDouble(Math.Max(1, (nint)k * n));
        for (int p = 0; p < k; p++)
        {
            for (int j = 0; j < n; j++)
            {
                bp[((nint)p * n) + j] = transB ? b[((nint)j * ldb) + p] : b[((nint)p * ldb) + j];
            }
        }

        (nint rs, nint ks) = transA ? (1, lda) : ((nint)lda, 1);
        int w = Vector<double>.Count;
        int i = 0;
        for (; i + 4 <= m; i += 4)
        {
            double* a0 = a + (i * rs);
            int j = 0;
            for (; j + w <= n; j += w)
            {
                Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
                double* ap = a0;
                double* bj = bp + j;
                for (int p = 0; p < k; p++)
                {
                    var bv = Vector.Load(bj);
                    s0 = Vector.FusedMultiplyAdd(new Vector<double>(ap[0]), bv, s0);
                    s1 = Vector.FusedMultiplyAdd(new Vector<double>(ap[rs]), bv, s1);
                    s2 = Vector.FusedMultiplyAdd(new Vector<double>(ap[2 * rs]), bv, s2);
                    s3 = Vector.FusedMultiplyAdd(new Vector<double>(ap[3 * rs]), bv, s3);
                    ap += ks;
                    bj += n;
                }

                StoreVector(s0, c + ((nint)i * ldc) + j, alpha, beta, bias, j);
                StoreVector(s1, c + ((nint)(i + 1) * ldc) + j, alpha, beta, bias, j);
                StoreVector(s2, c + ((nint)(i + 2) * ldc) + j, alpha, beta, bias, j);
                StoreVector(s3, c + ((nint)(i + 3) * ldc) + j, alpha, beta, bias, j);
            }

            for (int r = 0; r < 4; r++)
            {
                ScalarColumns(a0 + (r * rs), ks, bp, n, k, j, c + ((nint)(i + r) * ldc), alpha, beta, bias);
            }
        }

        for (; i < m; i++)
        {
            ScalarColumns(a + (i * rs), ks, bp, n, k, 0, c + ((nint)i * ldc), alpha, beta, bias);
        }
    }

    private static void ScalarColumns(double* ai, nint ks, double* bp, int n, int k, int j0, double* ci, double alpha, double beta, double* bias)
    {
        for (int j = j0; j < n; j++)
        {
            double s = 0;
            for (int p = 0; p < k; p++)
            {
                s = Math.FusedMultiplyAdd(ai[p * ks], bp[((nint)p * n) + j], s);
            }

            double x = alpha * s;
            if (beta != 0)
            {
                x = Math.FusedMultiplyAdd(beta, ci[j], x);
            }

            ci[j] = bias != null ? x + bias[j] : x;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreVector(Vector<double> acc, double* c, double alpha, double beta, double* bias, int j)
    {
        Vector<double> x = acc * alpha;
        if (beta != 0)
        {
            x = Vector.FusedMultiplyAdd(new Vector<double>(beta), Vector.Load(c), x);
        }

        if (bias != null)
        {
            x += Vector.Load(bias + j);
        }

        x.Store(c);
    }
}
