using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Kindling;

/// <summary>Reduction kernels over one dimension of a contiguous tensor viewed as (outer, n, inner).</summary>
internal static class Reductions
{
    /// <summary>Sum over <paramref name="dim"/> with keepdim; x contiguous with element type T.</summary>
    public static Tensor SumDim<T>(Tensor x, int dim)
        where T : unmanaged, INumber<T>
    {
        var (outer, n, inner) = Split(x._shape, dim);
        var shape = (int[])x._shape.Clone();
        shape[dim] = 1;
        var result = Tensor.Empty(shape, x.DType);
        SumKernel(x.Span<T>(), outer, n, inner, result.Span<T>());
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SumKernel<T>(ReadOnlySpan<T> src, int outer, int n, int inner, Span<T> dst)
        where T : unmanaged, INumber<T>
    {
        for (int o = 0; o < outer; o++)
        {
            if (inner == 1)
            {
                dst[o] = TensorPrimitives.Sum(src.Slice(o * n, n));
                continue;
            }
            var acc = dst.Slice(o * inner, inner);
            for (int k = 0; k < n; k++)
                TensorPrimitives.Add(acc, src.Slice((o * n + k) * inner, inner), acc);
        }
    }

    /// <summary>Max or min over <paramref name="dim"/> with keepdim, NaN-propagating; first index wins ties.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (Tensor Values, Tensor Indices) ExtremeDim<T>(Tensor x, int dim, bool max)
        where T : unmanaged, INumber<T>
    {
        var (outer, n, inner) = Split(x._shape, dim);
        if (n == 0) throw new ArgumentException($"cannot reduce over dimension {dim} of size 0 (shape {Shapes.Format(x._shape)}).");
        var shape = (int[])x._shape.Clone();
        shape[dim] = 1;
        var values = Tensor.Empty(shape, x.DType);
        var indices = Tensor.Empty(shape, DType.Int64);
        ReadOnlySpan<T> src = x.Span<T>();
        Span<T> vd = values.Span<T>();
        Span<long> id = indices.Span<long>();
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int baseIndex = o * n * inner + i;
                T best = src[baseIndex];
                int bestK = 0;
                for (int k = 1; k < n && !T.IsNaN(best); k++)
                {
                    T v = src[baseIndex + k * inner];
                    if (T.IsNaN(v) || (max ? v > best : v < best))
                    {
                        best = v;
                        bestK = k;
                    }
                }
                vd[o * inner + i] = best;
                id[o * inner + i] = bestK;
            }
        }
        return (values, indices);
    }

    /// <summary>A zero tensor of <paramref name="shape"/> with g (keepdim shape) written at the chosen indices along dim.</summary>
    public static Tensor ScatterAlongDim(Tensor g, Tensor indices, int[] shape, int dim)
    {
        var (outer, n, inner) = Split(shape, dim);
        var result = Tensor.Empty(shape, g.DType);
        var gc = g.Contiguous();
        ReadOnlySpan<long> id = indices.Contiguous().Span<long>();
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int src = o * inner + i;
                int dst = (o * n + (int)id[src]) * inner + i;
                if (g.DType == DType.Float64) result.Span<double>()[dst] = gc.Span<double>()[src];
                else result.Span<float>()[dst] = gc.Span<float>()[src];
            }
        }
        return result;
    }

    /// <summary>Sums a broadcast gradient back to an input's shape (PyTorch's sum_to).</summary>
    public static Tensor SumToShape(Tensor g, int[] shape)
    {
        if (g._shape.AsSpan().SequenceEqual(shape)) return g;
        int lead = g.Dim - shape.Length;
        var dims = new List<int>();
        for (int d = 0; d < g.Dim; d++)
            if (d < lead || (shape[d - lead] == 1 && g._shape[d] != 1)) dims.Add(d);
        var summed = dims.Count == 0 ? g : g.Sum(dims.ToArray(), keepDim: true);
        return summed.Reshape(shape);
    }

    /// <summary>(outer, n, inner) such that a contiguous tensor of <paramref name="shape"/> is outer × n × inner along dim.</summary>
    public static (int Outer, int N, int Inner) Split(int[] shape, int dim)
    {
        int outer = 1, inner = 1;
        for (int d = 0; d < dim; d++) outer *= shape[d];
        for (int d = dim + 1; d < shape.Length; d++) inner *= shape[d];
        return (outer, shape.Length == 0 ? 1 : shape[dim], inner);
    }
}
