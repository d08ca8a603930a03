// https://pytorch.org/docs/stable/torch.html#creation-ops
namespace Kindling;

public static partial class Torch
{
    /// <summary>A float32 tensor copied from <paramref name="data"/>, as <c>torch.tensor</c>.</summary>
    public static Tensor Tensor(float[] data, bool requiresGrad = false) => FromCopy(data, [data.Length], requiresGrad);

    /// <summary>A float32 matrix copied from <paramref name="data"/> (rows first).</summary>
    public static Tensor Tensor(float[,] data, bool requiresGrad = false) => FromCopy(data, requiresGrad);

    /// <summary>A float64 tensor copied from <paramref name="data"/>.</summary>
    public static Tensor Tensor(double[] data, bool requiresGrad = false) => FromCopy(data, [data.Length], requiresGrad);

    /// <summary>A float64 matrix copied from <paramref name="data"/> (rows first).</summary>
    public static Tensor Tensor(double[,] data, bool requiresGrad = false) => FromCopy(data, requiresGrad);

    /// <summary>An int64 tensor copied from <paramref name="data"/>.</summary>
    public static Tensor Tensor(long[] data) => FromCopy(data, [data.Length], false);

    /// <summary>An int64 matrix copied from <paramref name="data"/> (rows first).</summary>
    public static Tensor Tensor(long[,] data) => FromCopy(data, false);

    /// <summary>A bool tensor copied from <paramref name="data"/>.</summary>
    public static Tensor Tensor(bool[] data) => FromCopy(data, [data.Length], false);

    /// <summary>A 0-dimensional tensor, as <c>torch.tensor(value)</c> (float32 unless <paramref name="dtype"/> says otherwise).</summary>
    public static Tensor Scalar(double value, DType dtype = DType.Float32, bool requiresGrad = false)
        => Kindling.Tensor.Scalar(value, dtype).RequiresGrad_(requiresGrad);

    /// <summary>Zeros of <paramref name="shape"/>, float32.</summary>
    public static Tensor Zeros(params int[] shape) => Zeros(shape, DType.Float32);

    /// <summary>Zeros of <paramref name="shape"/> and <paramref name="dtype"/>.</summary>
    public static Tensor Zeros(int[] shape, DType dtype, bool requiresGrad = false)
        => Kindling.Tensor.Empty(shape, dtype).RequiresGrad_(requiresGrad);

    /// <summary>Ones of <paramref name="shape"/>, float32.</summary>
    public static Tensor Ones(params int[] shape) => Ones(shape, DType.Float32);

    /// <summary>Ones of <paramref name="shape"/> and <paramref name="dtype"/>.</summary>
    public static Tensor Ones(int[] shape, DType dtype, bool requiresGrad = false) => Full(shape, 1, dtype, requiresGrad);

    /// <summary>An uninitialised tensor (in Kindling: zero-filled, since .NET arrays are) of <paramref name="shape"/>.</summary>
    public static Tensor Empty(params int[] shape) => Zeros(shape, DType.Float32);

    /// <summary>An uninitialised (zero-filled) tensor of <paramref name="shape"/> and <paramref name="dtype"/>.</summary>
    public static Tensor Empty(int[] shape, DType dtype) => Zeros(shape, dtype);

    /// <summary>A tensor of <paramref name="shape"/> filled with <paramref name="value"/>, as <c>torch.full</c>.</summary>
    public static Tensor Full(int[] shape, double value, DType dtype = DType.Float32, bool requiresGrad = false)
    {
        var t = Kindling.Tensor.Empty(shape, dtype);
        t.Fill_(value);
        return t.RequiresGrad_(requiresGrad);
    }

    /// <summary>Zeros with the shape and dtype of <paramref name="like"/>.</summary>
    public static Tensor ZerosLike(Tensor like) => Kindling.Tensor.Empty(like._shape, like.DType);

    /// <summary>Ones with the shape and dtype of <paramref name="like"/>.</summary>
    public static Tensor OnesLike(Tensor like) => Full(like._shape, 1, like.DType);

    /// <summary>A tensor filled with <paramref name="value"/>, with the shape and dtype of <paramref name="like"/>.</summary>
    public static Tensor FullLike(Tensor like, double value) => Full(like._shape, value, like.DType);

    /// <summary>0, 1, ..., end − 1 as int64, as <c>torch.arange(end)</c>.</summary>
    public static Tensor Arange(long end) => Arange(0, end, 1);

    /// <summary>start, start + step, ... below end, as int64.</summary>
    public static Tensor Arange(long start, long end, long step = 1)
    {
        int n = ArangeCount(start, end, step);
        var values = new long[n];
        for (int i = 0; i < n; i++) values[i] = start + i * step;
        return Kindling.Tensor.FromArray(values, n);
    }

    /// <summary>start, start + step, ... below end, as <paramref name="dtype"/> (float32 by default, like Python floats).</summary>
    public static Tensor Arange(double start, double end, double step = 1, DType dtype = DType.Float32)
    {
        int n = ArangeCount(start, end, step);
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = start + i * step;
        return Kindling.Tensor.FromArray(values, n).To(dtype);
    }

    private static int ArangeCount(double start, double end, double step)
    {
        if (step == 0) throw new ArgumentException("step must be nonzero", nameof(step));
        if ((step > 0 && start > end) || (step < 0 && start < end))
            throw new ArgumentException($"upper bound and larger bound inconsistent with step sign (start {start}, end {end}, step {step}).");
        return (int)Math.Ceiling((end - start) / step);
    }

    private static Tensor FromCopy<T>(T[] data, int[] shape, bool requiresGrad)
        where T : unmanaged
        => Kindling.Tensor.FromArray((T[])data.Clone(), shape).RequiresGrad_(requiresGrad);

    private static Tensor FromCopy<T>(T[,] data, bool requiresGrad)
        where T : unmanaged
    {
        int rows = data.GetLength(0), cols = data.GetLength(1);
        var flat = new T[rows * cols];
        int k = 0;
        foreach (var v in data) flat[k++] = v;   // a T[,] enumerates row-major
        return Kindling.Tensor.FromArray(flat, rows, cols).RequiresGrad_(requiresGrad);
    }
}
