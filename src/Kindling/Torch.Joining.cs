// https://pytorch.org/docs/stable/torch.html#indexing-slicing-joining-mutating-ops
using Kindling.Autograd;

namespace Kindling;

public static partial class Torch
{
    /// <summary>Concatenates tensors along <paramref name="dim"/>; all other sizes must match, as <c>torch.cat</c>.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("torch.cat(): expected a non-empty list of Tensors", nameof(tensors));
        var first = tensors[0];
        int d = Shapes.WrapDim(dim, first.Dim);
        var dtype = first.DType;
        int total = 0;
        for (int t = 0; t < tensors.Count; t++)
        {
            var x = tensors[t];
            if (x.Dim != first.Dim)
                throw new ArgumentException($"Tensors must have same number of dimensions: got {first.Dim} and {x.Dim}");
            for (int i = 0; i < x.Dim; i++)
                if (i != d && x._shape[i] != first._shape[i])
                    throw new ArgumentException(
                        $"Sizes of tensors must match except in dimension {d}. Expected size {first._shape[i]} but got size {x._shape[i]} for tensor number {t} in the list.");
            if (x.DType != dtype)
                throw new ArgumentException($"torch.cat(): expected all tensors to have dtype {dtype.TorchName()}, but tensor number {t} is {x.DType.TorchName()}.");
            total += x._shape[d];
        }
        var shape = first.Shape;
        shape[d] = total;
        var result = Kindling.Tensor.Empty(shape, dtype);
        var sizes = new int[tensors.Count];
        int at = 0;
        for (int t = 0; t < tensors.Count; t++)
        {
            sizes[t] = tensors[t]._shape[d];
            result.Narrow(d, at, sizes[t]).Copy_(tensors[t]);
            at += sizes[t];
        }
        var inputs = new Tensor?[tensors.Count];
        for (int t = 0; t < inputs.Length; t++) inputs[t] = tensors[t];
        if (Function.NeedsGrad(inputs))
        {
            Function.Apply("CatBackward0", result, inputs, g =>
            {
                var grads = new Tensor?[sizes.Length];
                int from = 0;
                for (int t = 0; t < sizes.Length; t++)
                {
                    grads[t] = g.Narrow(d, from, sizes[t]);
                    from += sizes[t];
                }
                return grads;
            }, savesTensors: false);
        }
        return result;
    }

    /// <summary>Stacks equally shaped tensors along a new dimension <paramref name="dim"/>, as <c>torch.stack</c>.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("stack expects a non-empty TensorList", nameof(tensors));
        int d = Shapes.WrapDim(dim, tensors[0].Dim + 1);
        var parts = new Tensor[tensors.Count];
        for (int t = 0; t < parts.Length; t++)
        {
            if (!tensors[t]._shape.AsSpan().SequenceEqual(tensors[0]._shape))
                throw new ArgumentException(
                    $"stack expects each tensor to be equal size, but got {Shapes.Format(tensors[0]._shape)} at entry 0 and {Shapes.Format(tensors[t]._shape)} at entry {t}");
            parts[t] = tensors[t].Detach().Unsqueeze(d);
        }
        var result = Cat(parts, d);
        var inputs = new Tensor?[parts.Length];
        for (int t = 0; t < inputs.Length; t++) inputs[t] = tensors[t];
        if (Function.NeedsGrad(inputs))
        {
            Function.Apply("StackBackward0", result, inputs, g =>
            {
                var grads = new Tensor?[inputs.Length];
                for (int t = 0; t < grads.Length; t++) grads[t] = g.Select(d, t);
                return grads;
            }, savesTensors: false);
        }
        return result;
    }

    /// <summary>Elementwise choice: <paramref name="x"/> where <paramref name="condition"/> is true, else
    /// <paramref name="y"/> (all broadcast), as <c>torch.where</c>.</summary>
    public static Tensor Where(Tensor condition, Tensor x, Tensor y)
    {
        if (condition.DType != DType.Bool)
            throw new ArgumentException($"where expected condition to be a boolean tensor, but got a tensor with dtype {condition.DType.TorchName()}", nameof(condition));
        var dtype = DTypes.Promote(x, y);
        var shape = Shapes.Broadcast(Shapes.Broadcast(condition._shape, x._shape), y._shape);
        var c = condition.Expand(shape).Contiguous().Span<bool>();
        var xs = x.To(dtype).Expand(shape).ContiguousCopy();
        var ys = y.To(dtype).Expand(shape).ContiguousCopy();
        var result = Kindling.Tensor.Empty(shape, dtype);
        switch (dtype)
        {
            case DType.Float32: Select(c, xs.Span<float>(), ys.Span<float>(), result.Span<float>()); break;
            case DType.Float64: Select(c, xs.Span<double>(), ys.Span<double>(), result.Span<double>()); break;
            case DType.Int64: Select(c, xs.Span<long>(), ys.Span<long>(), result.Span<long>()); break;
            default: Select(c, xs.Span<bool>(), ys.Span<bool>(), result.Span<bool>()); break;
        }
        if (Function.NeedsGrad(x, y))
        {
            int[] sx = x._shape, sy = y._shape;
            Function.Apply("WhereBackward0", result, [x, y], g =>
            {
                var zero = Kindling.Tensor.Scalar(0, g.DType);
                return
                [
                    x.RequiresGrad ? Reductions.SumToShape(Where(condition, g, zero), sx) : null,
                    y.RequiresGrad ? Reductions.SumToShape(Where(condition, zero, g), sy) : null,
                ];
            });
        }
        return result;
    }

    private static void Select<T>(ReadOnlySpan<bool> c, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> dst)
    {
        for (int i = 0; i < dst.Length; i++) dst[i] = c[i] ? x[i] : y[i];
    }
}
