using System.Runtime.InteropServices;

namespace Kindling.Training.Io;

/// <summary>
/// One named tensor as a plain row-major array: what a safetensors file stores. It wraps the
/// array it is given (no copy), so the I/O layer stays independent of <c>Kindling.Tensor</c>.
/// </summary>
public sealed class NamedArray
{
    readonly int[] shape;

    /// <summary>The tensor's key, e.g. <c>0.weight</c> (PyTorch state_dict names).</summary>
    public string Name { get; }

    /// <summary>The element type.</summary>
    public SafeTensorsDType DType { get; }

    /// <summary>The shape (a copy); empty for a scalar.</summary>
    public int[] Shape => (int[])shape.Clone();

    /// <summary>The number of dimensions.</summary>
    public int Dim => shape.Length;

    /// <summary>The elements in row-major order: a <c>float[]</c>, <c>double[]</c> or <c>long[]</c> matching <see cref="DType"/>.</summary>
    public Array Data { get; }

    /// <summary>A float32 tensor.</summary>
    public NamedArray(string name, float[] data, params int[] shape) : this(name, SafeTensorsDType.F32, data, shape) { }

    /// <summary>A float64 tensor.</summary>
    public NamedArray(string name, double[] data, params int[] shape) : this(name, SafeTensorsDType.F64, data, shape) { }

    /// <summary>An int64 tensor.</summary>
    public NamedArray(string name, long[] data, params int[] shape) : this(name, SafeTensorsDType.I64, data, shape) { }

    NamedArray(string name, SafeTensorsDType dtype, Array data, int[] shape)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        long count = 1;
        foreach (int d in shape)
        {
            if (d < 0) throw new ArgumentException($"Tensor '{name}': shape [{string.Join(", ", shape)}] has a negative size.", nameof(shape));
            // Saturate just past the largest array: count·d then stays below 2^62, so no overflow.
            count = Math.Min(count * d, (long)Array.MaxLength + 1);
        }
        if (count != data.Length)
            throw new ArgumentException($"Tensor '{name}': shape [{string.Join(", ", shape)}] holds {count} elements but the data has {data.Length}.", nameof(data));
        Name = name;
        DType = dtype;
        Data = data;
        this.shape = (int[])shape.Clone();
    }

    /// <summary>The data as <typeparamref name="T"/>[] (no copy); <typeparamref name="T"/> must match <see cref="DType"/>.</summary>
    /// <exception cref="InvalidOperationException">The element type differs.</exception>
    public T[] GetData<T>() where T : unmanaged =>
        Data as T[] ?? throw new InvalidOperationException(
            $"Tensor '{Name}' holds {DType.Name()} elements, not {typeof(T).Name}.");

    internal ReadOnlySpan<int> ShapeSpan => shape;

    internal long ByteLength => (long)Data.Length * DType.ElementSize();

    /// <summary>The elements' storage as bytes (native byte order).</summary>
    internal Span<byte> Bytes => Data switch
    {
        float[] f => MemoryMarshal.AsBytes(f.AsSpan()),
        double[] d => MemoryMarshal.AsBytes(d.AsSpan()),
        _ => MemoryMarshal.AsBytes(((long[])Data).AsSpan()),
    };

    /// <summary>A zero-filled tensor of <paramref name="count"/> elements, for the reader to fill.</summary>
    internal static NamedArray Allocate(string name, SafeTensorsDType dtype, int count, int[] shape) => dtype switch
    {
        SafeTensorsDType.F32 => new NamedArray(name, new float[count], shape),
        SafeTensorsDType.F64 => new NamedArray(name, new double[count], shape),
        _ => new NamedArray(name, new long[count], shape),
    };
}
