// https://pytorch.org/docs/stable/torch.html
namespace Kindling;

/// <summary>The <c>torch</c> namespace's free functions: creation, seeding, grad mode, threads.</summary>
public static partial class Torch
{
    /// <summary>Matrix product with broadcasting, as <c>torch.matmul</c>; see <see cref="Kindling.Tensor.MatMul"/>.</summary>
    public static Tensor MatMul(Tensor input, Tensor other) => input.MatMul(other);

    /// <summary>2-D matrix product, as <c>torch.mm</c>.</summary>
    public static Tensor Mm(Tensor input, Tensor mat2) => input.Mm(mat2);

    /// <summary>Batched matrix product, as <c>torch.bmm</c>.</summary>
    public static Tensor Bmm(Tensor input, Tensor mat2) => input.Bmm(mat2);

    /// <summary>Elementwise maximum of two tensors (NaN-propagating), as <c>torch.maximum</c> (no autograd).</summary>
    public static Tensor Maximum(Tensor input, Tensor other)
        => Elementwise.Arithmetic<MaximumOp<float>, MaximumOp<double>, MaximumOp<long>>(input.Detach(), other.Detach());

    /// <summary>Elementwise minimum of two tensors (NaN-propagating), as <c>torch.minimum</c> (no autograd).</summary>
    public static Tensor Minimum(Tensor input, Tensor other)
        => Elementwise.Arithmetic<MinimumOp<float>, MinimumOp<double>, MinimumOp<long>>(input.Detach(), other.Detach());

    /// <summary>One-hot encoding of int64 class indices: shape (..., numClasses) of int64, as <c>F.one_hot</c>;
    /// <paramref name="numClasses"/> = −1 takes max + 1.</summary>
    public static Tensor OneHot(Tensor tensor, int numClasses = -1)
    {
        if (tensor.DType != DType.Int64)
            throw new ArgumentException($"one_hot is only applicable to index tensor (int64), got {tensor.DType.TorchName()}.", nameof(tensor));
        var values = tensor.ToArray<long>();
        long max = -1;
        foreach (long v in values)
        {
            if (v < 0) throw new ArgumentException($"one_hot: class values must be non-negative (found {v}).", nameof(tensor));
            max = Math.Max(max, v);
        }
        if (numClasses == -1)
        {
            if (values.Length == 0) throw new ArgumentException("one_hot: can not infer total number of classes from empty tensor.", nameof(tensor));
            numClasses = (int)max + 1;
        }
        else if (max >= numClasses)
        {
            throw new ArgumentException($"one_hot: class values must be smaller than num_classes ({numClasses}); found {max}.", nameof(numClasses));
        }
        var result = Kindling.Tensor.Empty([.. tensor._shape, numClasses], DType.Int64);
        var dst = result.Span<long>();
        for (int i = 0; i < values.Length; i++) dst[i * numClasses + (int)values[i]] = 1;
        return result;
    }
}
