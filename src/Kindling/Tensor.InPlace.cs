// https://pytorch.org/docs/stable/generated/torch.Tensor.fill_.html
using System.Numerics.Tensors;

namespace Kindling;

public partial class Tensor
{
    /// <summary>Sets every element to <paramref name="value"/> in place, without autograd (as under no_grad); returns this.</summary>
    public Tensor Fill_(double value)
    {
        switch (_dtype)
        {
            case DType.Float32: FillStrided((float)value); break;
            case DType.Float64: FillStrided(value); break;
            case DType.Int64: FillStrided((long)value); break;
            default: FillStrided(value != 0); break;
        }
        return this;
    }

    /// <summary>Sets every element to zero in place; returns this.</summary>
    public Tensor Zero_() => Fill_(0);

    /// <summary>Copies <paramref name="source"/> (broadcast, converted) into this tensor in place, without autograd; returns this.</summary>
    public Tensor Copy_(Tensor source)
    {
        var src = source.To(_dtype);
        if (!src._shape.AsSpan().SequenceEqual(_shape)) src = src.Expand(_shape);
        if (IsContiguous)
        {
            switch (_dtype)
            {
                case DType.Float32: Elementwise.CopyTo(src, Span<float>()); break;
                case DType.Float64: Elementwise.CopyTo(src, Span<double>()); break;
                case DType.Int64: Elementwise.CopyTo(src, Span<long>()); break;
                default: Elementwise.CopyTo(src, Span<bool>()); break;
            }
            return this;
        }
        var flat = src.ContiguousCopy();
        for (int i = 0; i < _numel; i++) SetFromDouble(StoragePosition(i), flat.GetAsDouble(i));
        return this;
    }

    /// <summary>this += other (broadcast into this shape) in place, no autograd: gradient accumulation and optimizers.</summary>
    internal void AddInPlace(Tensor other)
    {
        if (IsContiguous && other.IsContiguous && other._numel == _numel && other._dtype == _dtype)
        {
            if (_dtype == DType.Float32)
            {
                var d = Span<float>();
                TensorPrimitives.Add(d, other.Span<float>(), d);
                return;
            }
            if (_dtype == DType.Float64)
            {
                var d = Span<double>();
                TensorPrimitives.Add(d, other.Span<double>(), d);
                return;
            }
        }
        Copy_(Add(other));
    }

    /// <summary>Storage position of the <paramref name="linear"/>-th element in row-major order.</summary>
    internal int StoragePosition(int linear)
    {
        int pos = _offset;
        for (int d = _shape.Length - 1; d >= 0; d--)
        {
            int size = _shape[d];
            pos += linear % size * _strides[d];
            linear /= size;
        }
        return pos;
    }

    private void SetFromDouble(int position, double value)
    {
        switch (_dtype)
        {
            case DType.Float32: ((float[])_storage)[position] = (float)value; break;
            case DType.Float64: ((double[])_storage)[position] = value; break;
            case DType.Int64: ((long[])_storage)[position] = (long)value; break;
            default: ((bool[])_storage)[position] = value != 0; break;
        }
    }

    private void FillStrided<T>(T value) where T : unmanaged
    {
        var data = Data<T>();
        if (IsContiguous)
        {
            data.AsSpan(_offset, _numel).Fill(value);
            return;
        }
        for (int i = 0; i < _numel; i++) data[StoragePosition(i)] = value;
    }
}
