using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Kindling;

/// <summary>A simple row-streaming matrix product, C = A·B for contiguous row-major A (m, k) and B (k, n):
/// each row of C accumulates a[i, p]·B[p, :] with a vectorised multiply-add. Serves int64 products; float32 and float64 go
/// through Kindling.Kernels.Gemm.</summary>
internal static class NaiveMatMul
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, int m, int n, int k)
        where T : INumber<T>
    {
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * n, n);
            row.Clear();
            for (int p = 0; p < k; p++)
                TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), a[i * k + p], row, row);
        }
    }
}
