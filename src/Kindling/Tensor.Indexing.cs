// https://pytorch.org/docs/stable/generated/torch.index_select.html
using Kindling.Autograd;

namespace Kindling;

public partial class Tensor
{
    /// <summary>Rows (slices along dim 0) picked by an int64 index tensor, as <c>t[index]</c>: a copy.</summary>
    [System.Runtime.CompilerServices.IndexerName("Index")]
    public Tensor this[Tensor index] => IndexSelect(0, index, "IndexBackward0");

    /// <summary>The slice <paramref name="index"/> along dim 0 (a view), as <c>t[i]</c>.</summary>
    [System.Runtime.CompilerServices.IndexerName("Index")]
    public Tensor this[int index] => Select(0, index);

    /// <summary>Slices along <paramref name="dim"/> picked by a 1-D int64 <paramref name="index"/> (a copy), as <c>torch.index_select</c>.</summary>
    public Tensor IndexSelect(int dim, Tensor index) => IndexSelect(dim, index, "IndexSelectBackward0");

    private Tensor IndexSelect(int dim, Tensor index, string name)
    {
        int d = Shapes.WrapDim(dim, Dim);
        if (Dim == 0) throw new ArgumentException("index_select(): cannot index a 0-dim tensor; use Reshape(1) first.");
        var idx = IndexKernels.CheckIndex(index, _shape[d], d, "index_select");
        var (outer, n, inner) = Reductions.Split(_shape, d);
        var shape = (int[])_shape.Clone();
        shape[d] = idx.Length;
        var result = Empty(shape, _dtype);
        var src = Contiguous();
        switch (_dtype)
        {
            case DType.Float32: IndexKernels.Gather<float>(src.Span<float>(), idx, outer, n, inner, result.Span<float>()); break;
            case DType.Float64: IndexKernels.Gather<double>(src.Span<double>(), idx, outer, n, inner, result.Span<double>()); break;
            case DType.Int64: IndexKernels.Gather<long>(src.Span<long>(), idx, outer, n, inner, result.Span<long>()); break;
            default: IndexKernels.Gather<bool>(src.Span<bool>(), idx, outer, n, inner, result.Span<bool>()); break;
        }
        if (Function.NeedsGrad(this))
        {
            int[] inShape = _shape;
            Function.Apply(name, result, [this], g => [IndexAdd(inShape, d, idx, g)], savesTensors: false);
        }
        return result;
    }

    /// <summary>zeros(shape).index_add_(dim, index, source): the gradient of index_select.</summary>
    private static Tensor IndexAdd(int[] shape, int dim, long[] index, Tensor source)
    {
        var (outer, n, inner) = Reductions.Split(shape, dim);
        var result = Empty(shape, source.DType);
        var src = source.Contiguous();
        if (source.DType == DType.Float64)
            IndexKernels.ScatterAdd<double>(src.Span<double>(), index, outer, n, inner, result.Span<double>());
        else
            IndexKernels.ScatterAdd<float>(src.Span<float>(), index, outer, n, inner, result.Span<float>());
        return result;
    }
}
