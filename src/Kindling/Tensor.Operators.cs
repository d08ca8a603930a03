namespace Kindling;

// C# operators mirror Python's: arithmetic is differentiable; comparisons return bool tensors.
// Equals/GetHashCode stay reference-based (a tensor is an identity, as in PyTorch's hashing): test `t is null`.
public partial class Tensor
{
    /// <summary>Reference equality (== on tensors is elementwise, so it cannot serve as Equals).</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    /// <summary>Identity hash, consistent with <see cref="Equals(object?)"/>.</summary>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <summary>Elementwise sum, broadcast.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => a.Add(b);

    /// <summary>Tensor plus scalar.</summary>
    public static Tensor operator +(Tensor a, double b) => a.Add(b);

    /// <summary>Scalar plus tensor.</summary>
    public static Tensor operator +(double a, Tensor b) => b.Add(a);

    /// <summary>Elementwise difference, broadcast.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => a.Sub(b);

    /// <summary>Tensor minus scalar.</summary>
    public static Tensor operator -(Tensor a, double b) => a.Sub(b);

    /// <summary>Scalar minus tensor.</summary>
    public static Tensor operator -(double a, Tensor b) => b.RSub(a);

    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => a.Neg();

    /// <summary>Elementwise product, broadcast.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => a.Mul(b);

    /// <summary>Tensor times scalar.</summary>
    public static Tensor operator *(Tensor a, double b) => a.Mul(b);

    /// <summary>Scalar times tensor.</summary>
    public static Tensor operator *(double a, Tensor b) => b.Mul(a);

    /// <summary>Elementwise true division, broadcast.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => a.Div(b);

    /// <summary>Tensor divided by scalar.</summary>
    public static Tensor operator /(Tensor a, double b) => a.Div(b);

    /// <summary>Scalar divided by tensor.</summary>
    public static Tensor operator /(double a, Tensor b) => b.RDiv(a);

    /// <summary>Elementwise equality → bool tensor.</summary>
    public static Tensor operator ==(Tensor a, Tensor b) => a.Eq(b);

    /// <summary>Elementwise inequality → bool tensor.</summary>
    public static Tensor operator !=(Tensor a, Tensor b) => a.Ne(b);

    /// <summary>Elementwise equality with a scalar → bool tensor.</summary>
    public static Tensor operator ==(Tensor a, double b) => a.Eq(b);

    /// <summary>Elementwise inequality with a scalar → bool tensor.</summary>
    public static Tensor operator !=(Tensor a, double b) => a.Ne(b);

    /// <summary>Elementwise a &lt; b → bool tensor.</summary>
    public static Tensor operator <(Tensor a, Tensor b) => a.Lt(b);

    /// <summary>Elementwise a &gt; b → bool tensor.</summary>
    public static Tensor operator >(Tensor a, Tensor b) => a.Gt(b);

    /// <summary>Elementwise a &lt;= b → bool tensor.</summary>
    public static Tensor operator <=(Tensor a, Tensor b) => a.Le(b);

    /// <summary>Elementwise a &gt;= b → bool tensor.</summary>
    public static Tensor operator >=(Tensor a, Tensor b) => a.Ge(b);

    /// <summary>Elementwise a &lt; b → bool tensor.</summary>
    public static Tensor operator <(Tensor a, double b) => a.Lt(b);

    /// <summary>Elementwise a &gt; b → bool tensor.</summary>
    public static Tensor operator >(Tensor a, double b) => a.Gt(b);

    /// <summary>Elementwise a &lt;= b → bool tensor.</summary>
    public static Tensor operator <=(Tensor a, double b) => a.Le(b);

    /// <summary>Elementwise a &gt;= b → bool tensor.</summary>
    public static Tensor operator >=(Tensor a, double b) => a.Ge(b);
}
