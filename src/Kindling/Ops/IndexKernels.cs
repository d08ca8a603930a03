using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Kindling;

/// <summary>Gather and scatter-add of whole slices along one dimension (index_select and its gradient, index_add).</summary>
internal static class IndexKernels
{
    /// <summary>dst[o, j, :] = src[o, index[j], :] with src contiguous (outer, n, inner) and dst (outer, k, inner).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gather<T>(ReadOnlySpan<T> src, ReadOnlySpan<long> index, int outer, int n, int inner, Span<T> dst)
    {
        int k = index.Length;
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < k; j++)
            {
                long i = index[j];
                src.Slice((int)((o * n + i) * inner), inner).CopyTo(dst.Slice((o * k + j) * inner, inner));
            }
        }
    }

    /// <summary>dst[o, index[j], :] += src[o, j, :], the gradient of <see cref="Gather{T}"/> (repeated indices add up).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ScatterAdd<T>(ReadOnlySpan<T> src, ReadOnlySpan<long> index, int outer, int n, int inner, Span<T> dst)
        where T : INumber<T>
    {
        int k = index.Length;
        for (int o = 0; o < outer; o++)
        {
            for (int j = 0; j < k; j++)
            {
                var run = dst.Slice((int)((o * n + index[j]) * inner), inner);
                TensorPrimitives.Add(run, src.Slice((o * k + j) * inner, inner), run);
            }
        }
    }

    /// <summary>Checks an index tensor (1-D int64, values in [−size, size)) and returns its values wrapped to [0, size).</summary>
    public static long[] CheckIndex(Tensor index, int size, int dim, string op)
    {
        if (index.DType != DType.Int64)
            throw new ArgumentException($"{op}(): Expected dtype int64 for index but got {index.DType.TorchName()}", nameof(index));
        if (index.Dim > 1)
            throw new ArgumentException($"{op}(): Index is supposed to be a vector (got shape {Shapes.Format(index._shape)})", nameof(index));
        var values = index.ToArray<long>();
        for (int i = 0; i < values.Length; i++)
        {
            long v = values[i];
            if (v < -size || v >= size)
                throw new IndexOutOfRangeException($"{op}(): index {v} is out of bounds for dimension {dim} with size {size}");
            if (v < 0) values[i] = v + size;
        }
        return values;
    }
}
