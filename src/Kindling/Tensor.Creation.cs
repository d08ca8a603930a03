namespace Kindling;

public partial class Tensor
{
    /// <summary>A new zero-filled contiguous tensor of <paramref name="shape"/>.</summary>
    internal static Tensor Empty(int[] shape, DType dtype) => Allocate(shape, dtype, zero: true);

    /// <summary>A new 0-dimensional tensor holding <paramref name="value"/>.</summary>
    internal static Tensor Scalar(double value, DType dtype)
    {
        var t = Empty([], dtype);
        t.Fill_(value);
        return t;
    }

    /// <summary>A contiguous tensor with the same values (a fresh copy even when this one is contiguous).</summary>
    internal Tensor ContiguousCopy()
    {
        var result = Empty(_shape, _dtype);
        switch (_dtype)
        {
            case DType.Float32: Elementwise.CopyTo(this, result.Span<float>()); break;
            case DType.Float64: Elementwise.CopyTo(this, result.Span<double>()); break;
            case DType.Int64: Elementwise.CopyTo(this, result.Span<long>()); break;
            default: Elementwise.CopyTo(this, result.Span<bool>()); break;
        }
        return result;
    }
}
