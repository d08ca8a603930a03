// https://pytorch.org/docs/stable/torch.html#comparison-ops
namespace Kindling;

public partial class Tensor
{
    /// <summary>this == other elementwise (broadcast) as a bool tensor, as <c>torch.eq</c>.</summary>
    public Tensor Eq(Tensor other) => Compare<EqOp<float>, EqOp<double>, EqOp<long>>(this, other);

    /// <summary>this == value elementwise.</summary>
    public Tensor Eq(double value) => Eq(CompareOperand(value));

    /// <summary>this != other elementwise, as <c>torch.ne</c>.</summary>
    public Tensor Ne(Tensor other) => Compare<NeOp<float>, NeOp<double>, NeOp<long>>(this, other);

    /// <summary>this != value elementwise.</summary>
    public Tensor Ne(double value) => Ne(CompareOperand(value));

    /// <summary>this &lt; other elementwise, as <c>torch.lt</c>.</summary>
    public Tensor Lt(Tensor other) => Compare<LtOp<float>, LtOp<double>, LtOp<long>>(this, other);

    /// <summary>this &lt; value elementwise.</summary>
    public Tensor Lt(double value) => Lt(CompareOperand(value));

    /// <summary>this &lt;= other elementwise, as <c>torch.le</c>.</summary>
    public Tensor Le(Tensor other) => Compare<LeOp<float>, LeOp<double>, LeOp<long>>(this, other);

    /// <summary>this &lt;= value elementwise.</summary>
    public Tensor Le(double value) => Le(CompareOperand(value));

    /// <summary>this &gt; other elementwise, as <c>torch.gt</c>.</summary>
    public Tensor Gt(Tensor other) => Compare<GtOp<float>, GtOp<double>, GtOp<long>>(this, other);

    /// <summary>this &gt; value elementwise.</summary>
    public Tensor Gt(double value) => Gt(CompareOperand(value));

    /// <summary>this &gt;= other elementwise, as <c>torch.ge</c>.</summary>
    public Tensor Ge(Tensor other) => Compare<GeOp<float>, GeOp<double>, GeOp<long>>(this, other);

    /// <summary>this &gt;= value elementwise.</summary>
    public Tensor Ge(double value) => Ge(CompareOperand(value));

    /// <summary>Elementwise logical and of the truth values (nonzero is true), as <c>torch.logical_and</c>.</summary>
    public Tensor LogicalAnd(Tensor other) => Elementwise.Binary<AndOp, bool, bool>(Bool(), other.Bool(), DType.Bool);

    /// <summary>Elementwise logical or, as <c>torch.logical_or</c>.</summary>
    public Tensor LogicalOr(Tensor other) => Elementwise.Binary<OrOp, bool, bool>(Bool(), other.Bool(), DType.Bool);

    /// <summary>Elementwise logical not, as <c>torch.logical_not</c>.</summary>
    public Tensor LogicalNot() => Bool().Eq(Scalar(0, DType.Bool));

    // As PyTorch with a Python scalar: the tensor's dtype decides (0.1 is rounded to float32 against a float32 tensor).
    private Tensor CompareOperand(double value) => ScalarOperand(value);

    private static Tensor Compare<TOp32, TOp64, TOpLong>(Tensor a, Tensor b)
        where TOp32 : IBinaryOp<TOp32, float, bool>
        where TOp64 : IBinaryOp<TOp64, double, bool>
        where TOpLong : IBinaryOp<TOpLong, long, bool>
    {
        var dtype = DTypes.Promote(a, b);
        if (dtype == DType.Bool) dtype = DType.Int64;
        a = a.To(dtype);
        b = b.To(dtype);
        return dtype switch
        {
            DType.Float32 => Elementwise.Binary<TOp32, float, bool>(a, b, DType.Bool),
            DType.Float64 => Elementwise.Binary<TOp64, double, bool>(a, b, DType.Bool),
            _ => Elementwise.Binary<TOpLong, long, bool>(a, b, DType.Bool),
        };
    }
}

internal readonly struct AndOp : IBinaryOp<AndOp, bool, bool>
{
    public static bool Invoke(bool a, bool b) => a && b;
}

internal readonly struct OrOp : IBinaryOp<OrOp, bool, bool>
{
    public static bool Invoke(bool a, bool b) => a || b;
}
