using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kindling.Nn;

/// <summary>Moves tensor contents in and out of plain arrays for the nn kernels, and formats shapes for errors.</summary>
/// <remarks>Losses and normalisation accumulate in doubles whatever the tensor dtype, so float32 results are
/// at least as accurate as PyTorch's float32 ones (well inside the 1e-5 relative fixtures tolerance).</remarks>
internal static class TensorData
{
    /// <summary>A row-major double copy of a floating-point tensor.</summary>
    public static double[] ReadDoubles(Tensor t, string what)
    {
        var c = t.Contiguous();
        switch (c.DType)
        {
            case DType.Float32:
                {
                    var src = c.Span<float>();
                    var result = new double[src.Length];
                    for (int i = 0; i < src.Length; i++) result[i] = src[i];
                    return result;
                }
            case DType.Float64:
                return c.Span<double>().ToArray();
            default:
                throw new ArgumentException($"{what} must be a floating-point tensor (float32 or float64), got {c.DType}.");
        }
    }

    /// <summary>Copies <paramref name="dst"/>.Length elements of a contiguous floating-point tensor, from flat
    /// <paramref name="offset"/>, as doubles (one row at a time, without copying the whole tensor).</summary>
    public static void ReadInto(Tensor contiguous, int offset, Span<double> dst)
    {
        if (contiguous.DType == DType.Float32)
        {
            var src = contiguous.Span<float>().Slice(offset, dst.Length);
            for (int i = 0; i < dst.Length; i++) dst[i] = src[i];
        }
        else
        {
            contiguous.Span<double>().Slice(offset, dst.Length).CopyTo(dst);
        }
    }

    /// <summary>values[i·rowLength + k] · (rowScales?[i] ?? common), as a new tensor of <paramref name="dtype"/>.</summary>
    /// <remarks>For backward closures only: a float32 result lives in a <see cref="Autograd.GradBuffers"/> buffer that the
    /// engine recycles once the next node has consumed it.</remarks>
    public static Tensor ScaleRows(double[] values, int rowLength, double[]? rowScales, double common, int[] shape, DType dtype)
    {
        int rows = rowLength == 0 ? 0 : values.Length / rowLength;
        if (dtype == DType.Float32)
        {
            var tensor = Autograd.GradBuffers.Rent((int[])shape.Clone());
            var result = tensor.Span<float>();
            if (rowScales is null)
            {
                ScaleToFloat(values, common, result);
                return tensor;
            }
            for (int i = 0; i < rows; i++)
            {
                double s = rowScales?[i] ?? common;
                for (int k = i * rowLength, end = k + rowLength; k < end; k++) result[k] = (float)(values[k] * s);
            }
            return tensor;
        }
        var doubles = new double[values.Length];
        for (int i = 0; i < rows; i++)
        {
            double s = rowScales?[i] ?? common;
            for (int k = i * rowLength, end = k + rowLength; k < end; k++) doubles[k] = values[k] * s;
        }
        return Tensor.FromArray(doubles, shape);
    }

    // dst[k] = (float)(src[k] · scale), two double vectors narrowed into one float vector at a time.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ScaleToFloat(ReadOnlySpan<double> src, double scale, Span<float> dst)
    {
        int w = Vector<double>.Count, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + 2 * w <= dst.Length; i += 2 * w)
            {
                var lo = new Vector<double>(src.Slice(i, w)) * scale;
                var hi = new Vector<double>(src.Slice(i + w, w)) * scale;
                Vector.Narrow(lo, hi).CopyTo(dst.Slice(i, 2 * w));
            }
        }
        for (; i < dst.Length; i++) dst[i] = (float)(src[i] * scale);
    }

    /// <summary>A row-major copy of an int64 tensor (class indices, embedding rows).</summary>
    public static long[] ReadLongs(Tensor t, string what)
    {
        if (t.DType != DType.Int64)
            throw new ArgumentException($"{what} must be an int64 tensor of indices, got {t.DType}.");
        return t.Contiguous().Span<long>().ToArray();
    }

    /// <summary>A new tensor of <paramref name="dtype"/> holding <paramref name="values"/> (rounded for float32).</summary>
    public static Tensor Create(double[] values, int[] shape, DType dtype)
    {
        if (dtype == DType.Float64) return Tensor.FromArray(values, shape);
        var data = new float[values.Length];
        for (int i = 0; i < data.Length; i++) data[i] = (float)values[i];
        return Tensor.FromArray(data, shape);
    }

    /// <summary>A 0-dimensional tensor (the result of a mean or sum reduction).</summary>
    public static Tensor Scalar(double value, DType dtype) => Create([value], [], dtype);

    public static string Format(int[] shape) => Module.FormatShape(shape);

    public static bool SameShape(Tensor a, Tensor b) => a.Shape.AsSpan().SequenceEqual(b.Shape);

    /// <summary>Expands <paramref name="t"/> to <paramref name="shape"/> by PyTorch's broadcasting rules (right-aligned,
    /// size-1 dims repeat), as doubles.</summary>
    public static double[] Broadcast(Tensor t, int[] shape, string what)
    {
        var src = ReadDoubles(t, what);
        var ts = t.Shape;
        if (ts.AsSpan().SequenceEqual(shape)) return src;
        if (ts.Length > shape.Length) throw NotBroadcastable(ts, shape, what);
        int n = 1;
        foreach (var d in shape) n *= d;
        // Source stride per target dim (0 where the source broadcasts).
        var strides = new int[shape.Length];
        int stride = 1;
        for (int k = shape.Length - 1, j = ts.Length - 1; k >= 0; k--, j--)
        {
            if (j < 0) { strides[k] = 0; continue; }
            if (ts[j] != shape[k] && ts[j] != 1) throw NotBroadcastable(ts, shape, what);
            strides[k] = ts[j] == 1 ? 0 : stride;
            stride *= ts[j];
        }
        var result = new double[n];
        var index = new int[shape.Length];
        for (int i = 0; i < n; i++)
        {
            int offset = 0;
            for (int k = 0; k < shape.Length; k++) offset += index[k] * strides[k];
            result[i] = src[offset];
            for (int k = shape.Length - 1; k >= 0; k--)
            {
                if (++index[k] < shape[k]) break;
                index[k] = 0;
            }
        }
        return result;
    }

    private static ArgumentException NotBroadcastable(int[] from, int[] to, string what) =>
        new($"{what} of shape {Format(from)} cannot be broadcast to the input's shape {Format(to)}.");
}
