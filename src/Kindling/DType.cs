// https://pytorch.org/docs/stable/tensor_attributes.html#torch-dtype
namespace Kindling;

/// <summary>Element type of a tensor: <c>torch.float32</c>, <c>torch.float64</c>, <c>torch.int64</c>, <c>torch.bool</c>.</summary>
public enum DType
{
    /// <summary>32-bit IEEE float (<c>torch.float32</c>), the default floating dtype.</summary>
    Float32,

    /// <summary>64-bit IEEE float (<c>torch.float64</c>).</summary>
    Float64,

    /// <summary>64-bit signed integer (<c>torch.int64</c>, <c>torch.long</c>).</summary>
    Int64,

    /// <summary>Boolean (<c>torch.bool</c>).</summary>
    Bool,
}

/// <summary>Facts about each <see cref="DType"/>: CLR type, PyTorch name, promotion order.</summary>
internal static class DTypes
{
    public static string TorchName(this DType dtype) => dtype switch
    {
        DType.Float32 => "torch.float32",
        DType.Float64 => "torch.float64",
        DType.Int64 => "torch.int64",
        _ => "torch.bool",
    };

    public static bool IsFloatingPoint(this DType dtype) => dtype is DType.Float32 or DType.Float64;

    /// <summary>The dtype whose storage is a <typeparamref name="T"/>[].</summary>
    public static DType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(float)) return DType.Float32;
        if (typeof(T) == typeof(double)) return DType.Float64;
        if (typeof(T) == typeof(long)) return DType.Int64;
        if (typeof(T) == typeof(bool)) return DType.Bool;
        throw new NotSupportedException($"No Kindling dtype stores elements of type {typeof(T).Name}.");
    }

    /// <summary>Allocates zeroed storage for <paramref name="count"/> elements.</summary>
    public static Array Allocate(DType dtype, int count) => dtype switch
    {
        DType.Float32 => new float[count],
        DType.Float64 => new double[count],
        DType.Int64 => new long[count],
        _ => new bool[count],
    };

    /// <summary>Result dtype of a binary op between two tensors (bool &lt; int64 &lt; float32 &lt; float64).</summary>
    /// <remarks>As PyTorch's type promotion (https://pytorch.org/docs/stable/tensor_attributes.html#type-promotion-doc):
    /// a zero-dimensional operand does not widen a dimensioned operand of the same category.</remarks>
    public static DType Promote(Tensor a, Tensor b)
    {
        if (a.DType == b.DType) return a.DType;
        bool aScalar = a.Dim == 0, bScalar = b.Dim == 0;
        if (aScalar != bScalar && Category(a.DType) == Category(b.DType))
            return aScalar ? b.DType : a.DType;
        return Rank(a.DType) >= Rank(b.DType) ? a.DType : b.DType;
    }

    private static int Category(DType d) => d switch { DType.Bool => 0, DType.Int64 => 1, _ => 2 };

    private static int Rank(DType d) => d switch { DType.Bool => 0, DType.Int64 => 1, DType.Float32 => 2, _ => 3 };
}
