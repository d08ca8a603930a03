// https://pytorch.org/docs/stable/torch.html#reduction-ops
using System.Numerics.Tensors;
using Kindling.Autograd;

namespace Kindling;

public partial class Tensor
{
    /// <summary>Sum of all elements as a 0-dim tensor (int64 for integer and bool input), as <c>torch.sum</c>.</summary>
    public Tensor Sum()
    {
        var x = SumInput().Contiguous();
        var result = Empty([], x._dtype);
        switch (x._dtype)
        {
            case DType.Float32: result.Span<float>()[0] = TensorPrimitives.Sum<float>(x.Span<float>()); break;
            case DType.Float64: result.Span<double>()[0] = TensorPrimitives.Sum<double>(x.Span<double>()); break;
            default: result.Span<long>()[0] = TensorPrimitives.Sum<long>(x.Span<long>()); break;
        }
        if (Function.NeedsGrad(this))
        {
            int[] shape = _shape;
            Function.Apply("SumBackward0", result, [this], g => [g.Expand(shape)], savesTensors: false);
        }
        return result;
    }

    /// <summary>Sum over <paramref name="dim"/> (dropped unless <paramref name="keepDim"/>).</summary>
    public Tensor Sum(int dim, bool keepDim = false) => Sum([dim], keepDim);

    /// <summary>Sum over several dimensions.</summary>
    public Tensor Sum(int[] dims, bool keepDim = false)
    {
        var wrapped = WrapDims(dims);
        var result = SumInput().Contiguous();
        for (int i = wrapped.Length - 1; i >= 0; i--)
        {
            result = result._dtype switch
            {
                DType.Float32 => Reductions.SumDim<float>(result, wrapped[i]),
                DType.Float64 => Reductions.SumDim<double>(result, wrapped[i]),
                _ => Reductions.SumDim<long>(result, wrapped[i]),
            };
        }
        if (!keepDim) result = result.SqueezeDims(wrapped);
        if (Function.NeedsGrad(this))
        {
            int[] shape = _shape;
            Function.Apply("SumBackward1", result, [this], g => [g.UnsqueezeDims(wrapped, keepDim).Expand(shape)], savesTensors: false);
        }
        return result;
    }

    /// <summary>Mean of all elements, as <c>torch.mean</c> (floating input only, as PyTorch).</summary>
    public Tensor Mean()
    {
        CheckFloatingForMean();
        var result = Detach().Sum().Div(_numel);
        if (Function.NeedsGrad(this))
        {
            int[] shape = _shape;
            int n = _numel;
            Function.Apply("MeanBackward0", result, [this], g => [g.Div(n).Expand(shape)], savesTensors: false);
        }
        return result;
    }

    /// <summary>Mean over <paramref name="dim"/>.</summary>
    public Tensor Mean(int dim, bool keepDim = false) => Mean([dim], keepDim);

    /// <summary>Mean over several dimensions.</summary>
    public Tensor Mean(int[] dims, bool keepDim = false)
    {
        CheckFloatingForMean();
        var wrapped = WrapDims(dims);
        int count = 1;
        foreach (int d in wrapped) count *= _shape[d];
        var result = Detach().Sum(wrapped, keepDim).Div(count);
        if (Function.NeedsGrad(this))
        {
            int[] shape = _shape;
            Function.Apply("MeanBackward1", result, [this], g => [g.Div(count).UnsqueezeDims(wrapped, keepDim).Expand(shape)], savesTensors: false);
        }
        return result;
    }

    /// <summary>Maximum of all elements (NaN if any), as <c>torch.max(input)</c>.</summary>
    public Tensor Max() => Extreme(max: true);

    /// <summary>Minimum of all elements, as <c>torch.min(input)</c>.</summary>
    public Tensor Min() => Extreme(max: false);

    /// <summary>Maxima along <paramref name="dim"/> and their indices (first index on ties), as <c>torch.max(input, dim)</c>.</summary>
    public ValuesIndices Max(int dim, bool keepDim = false) => ExtremeDim(dim, keepDim, max: true);

    /// <summary>Minima along <paramref name="dim"/> and their indices, as <c>torch.min(input, dim)</c>.</summary>
    public ValuesIndices Min(int dim, bool keepDim = false) => ExtremeDim(dim, keepDim, max: false);

    /// <summary>Index of the maximum of the flattened tensor (0-dim int64), as <c>torch.argmax</c>.</summary>
    public Tensor ArgMax() => Detach().Reshape(-1).ExtremeDim(0, false, max: true).Indices;

    /// <summary>Indices of the maxima along <paramref name="dim"/>.</summary>
    public Tensor ArgMax(int dim, bool keepDim = false) => Detach().ExtremeDim(dim, keepDim, max: true).Indices;

    /// <summary>Index of the minimum of the flattened tensor, as <c>torch.argmin</c>.</summary>
    public Tensor ArgMin() => Detach().Reshape(-1).ExtremeDim(0, false, max: false).Indices;

    /// <summary>Indices of the minima along <paramref name="dim"/>.</summary>
    public Tensor ArgMin(int dim, bool keepDim = false) => Detach().ExtremeDim(dim, keepDim, max: false).Indices;

    private Tensor Extreme(bool max)
    {
        if (_numel == 0)
            throw new ArgumentException("max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.");
        var result = Detach().Reshape(-1).ExtremeDim(0, false, max).Values;
        if (Function.NeedsGrad(this))
        {
            // PyTorch spreads the gradient evenly over all elements equal to the extreme.
            var x = this;
            Function.Apply(max ? "MaxBackward1" : "MinBackward1", result, [this], g =>
            {
                var mask = x.Eq(result).To(g.DType);
                return [mask.Mul(g.Div(mask.Sum()))];
            });
        }
        return result;
    }

    private ValuesIndices ExtremeDim(int dim, bool keepDim, bool max)
    {
        int d = Shapes.WrapDim(dim, Dim);
        var src = Dim == 0 ? Reshape(1) : Contiguous();
        var (values, indices) = _dtype switch
        {
            DType.Float32 => Reductions.ExtremeDim<float>(src, d, max),
            DType.Float64 => Reductions.ExtremeDim<double>(src, d, max),
            DType.Int64 => Reductions.ExtremeDim<long>(src, d, max),
            _ => throw new ArgumentException($"max/min/argmax/argmin are not supported for {_dtype.TorchName()} tensors in Kindling; convert with Long() first."),
        };
        if (!keepDim || Dim == 0)
        {
            values = values.SqueezeDims([d]);
            indices = indices.SqueezeDims([d]);
        }
        if (Function.NeedsGrad(this))
        {
            int[] shape = _shape;
            var idx = indices;
            Function.Apply(max ? "MaxBackward0" : "MinBackward0", values, [this], g =>
                [Reductions.ScatterAlongDim(g.UnsqueezeDims([d], keepDim || shape.Length == 0), idx.UnsqueezeDims([d], keepDim || shape.Length == 0), shape.Length == 0 ? [1] : shape, d).Reshape(shape)]);
        }
        return new ValuesIndices(values, indices);
    }

    private Tensor SumInput() => _dtype is DType.Bool ? To(DType.Int64) : this;

    private void CheckFloatingForMean()
    {
        if (!_dtype.IsFloatingPoint())
            throw new InvalidOperationException(
                $"mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {_dtype}");
    }

    /// <summary>Distinct, wrapped, ascending dims.</summary>
    private int[] WrapDims(int[] dims)
    {
        var wrapped = new int[dims.Length];
        for (int i = 0; i < dims.Length; i++) wrapped[i] = Shapes.WrapDim(dims[i], Dim);
        Array.Sort(wrapped);
        for (int i = 1; i < wrapped.Length; i++)
            if (wrapped[i] == wrapped[i - 1]) throw new ArgumentException($"dim {wrapped[i]} appears multiple times in the list of dims");
        return wrapped;
    }
}
