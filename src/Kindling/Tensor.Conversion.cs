// https://pytorch.org/docs/stable/generated/torch.Tensor.to.html
using System.Numerics;
using System.Numerics.Tensors;
using Kindling.Autograd;

namespace Kindling;

public partial class Tensor
{
    /// <summary>This tensor converted to <paramref name="dtype"/> (this same tensor when already of it), as <c>Tensor.to</c>.</summary>
    public Tensor To(DType dtype)
    {
        if (dtype == _dtype) return this;
        var src = Contiguous();
        var result = Empty(_shape, dtype);
        switch (_dtype)
        {
            case DType.Float32: ConvertFrom(src.Span<float>(), result); break;
            case DType.Float64: ConvertFrom(src.Span<double>(), result); break;
            case DType.Int64: ConvertFrom(src.Span<long>(), result); break;
            default: ConvertFromBool(src.Span<bool>(), result); break;
        }
        if (dtype.IsFloatingPoint() && Function.NeedsGrad(this))
        {
            var from = _dtype;
            Function.Apply("ToCopyBackward0", result, [this], g => [g.To(from)], savesTensors: false);
        }
        return result;
    }

    /// <summary>As <c>Tensor.float()</c>: converted to float32.</summary>
    public Tensor Float() => To(DType.Float32);

    /// <summary>As <c>Tensor.double()</c>: converted to float64.</summary>
    public Tensor Double() => To(DType.Float64);

    /// <summary>As <c>Tensor.long()</c>: converted to int64 (floats truncate toward zero).</summary>
    public Tensor Long() => To(DType.Int64);

    /// <summary>As <c>Tensor.bool()</c>: nonzero becomes true.</summary>
    public Tensor Bool() => To(DType.Bool);

    /// <summary>This tensor if contiguous, else a contiguous copy (differentiable), as <c>Tensor.contiguous()</c>.</summary>
    public Tensor Contiguous() => IsContiguous ? this : Clone();

    /// <summary>A copy with its own storage, recorded as <c>CloneBackward0</c>.</summary>
    public Tensor Clone()
    {
        var result = ContiguousCopy();
        if (Function.NeedsGrad(this))
            Function.Apply("CloneBackward0", result, [this], g => [g], savesTensors: false);
        return result;
    }

    /// <summary>A tensor sharing this one's storage, cut from the graph (a leaf that does not require grad).</summary>
    public Tensor Detach() => new(_storage, _shape, _strides, _offset, _dtype);

    /// <summary>The single element as a double, as <c>Tensor.item()</c>.</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element.</exception>
    public double Item()
    {
        if (_numel != 1)
            throw new InvalidOperationException($"a Tensor with {_numel} elements cannot be converted to Scalar (shape {Shapes.Format(_shape)}).");
        return GetAsDouble(_offset);
    }

    /// <summary>A row-major copy of the elements; <typeparamref name="T"/> must be the dtype's element type.</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        var result = new T[_numel];
        Elementwise.CopyTo(this, result.AsSpan());
        return result;
    }

    /// <summary>Element at storage position <paramref name="position"/> widened to double.</summary>
    internal double GetAsDouble(int position) => _dtype switch
    {
        DType.Float32 => ((float[])_storage)[position],
        DType.Float64 => ((double[])_storage)[position],
        DType.Int64 => ((long[])_storage)[position],
        _ => ((bool[])_storage)[position] ? 1 : 0,
    };

    private static void ConvertFrom<TFrom>(ReadOnlySpan<TFrom> src, Tensor result)
        where TFrom : unmanaged, INumber<TFrom>
    {
        switch (result.DType)
        {
            case DType.Float32: TensorPrimitives.ConvertTruncating(src, result.Span<float>()); break;
            case DType.Float64: TensorPrimitives.ConvertTruncating(src, result.Span<double>()); break;
            case DType.Int64: TensorPrimitives.ConvertTruncating(src, result.Span<long>()); break;
            default:
                var dst = result.Span<bool>();
                for (int i = 0; i < dst.Length; i++) dst[i] = src[i] != TFrom.Zero;
                break;
        }
    }

    private static void ConvertFromBool(ReadOnlySpan<bool> src, Tensor result)
    {
        switch (result.DType)
        {
            case DType.Float32:
                var f = result.Span<float>();
                for (int i = 0; i < src.Length; i++) f[i] = src[i] ? 1f : 0f;
                break;
            case DType.Float64:
                var d = result.Span<double>();
                for (int i = 0; i < src.Length; i++) d[i] = src[i] ? 1d : 0d;
                break;
            case DType.Int64:
                var l = result.Span<long>();
                for (int i = 0; i < src.Length; i++) l[i] = src[i] ? 1L : 0L;
                break;
            default:
                src.CopyTo(result.Span<bool>());
                break;
        }
    }
}
