// https://pytorch.org/docs/stable/torch.html#pointwise-ops (pow, exp, log, sqrt, abs, sign, clamp)
using Kindling.Autograd;

namespace Kindling;

public partial class Tensor
{
    /// <summary>this ** exponent, as <c>torch.pow</c> (x·x for 2, as PyTorch's fast path).</summary>
    public Tensor Pow(double exponent)
    {
        var x = this;
        var result = exponent == 2
            ? Elementwise.Arithmetic<MulOp<float>, MulOp<double>, MulOp<long>>(AsFloating(), AsFloating())
            : Elementwise.MapFloating(this, new PowScalarOp<float>((float)exponent), new PowScalarOp<double>(exponent));
        if (Function.NeedsGrad(this))
        {
            Function.Apply("PowBackward0", result, [this], g =>
                [exponent == 0 ? Torch.ZerosLike(x) : g.Mul(x.Pow(exponent - 1).Mul(exponent))]);
        }
        return result;
    }

    /// <summary>this ** exponent elementwise, broadcast.</summary>
    public Tensor Pow(Tensor exponent)
    {
        var x = this;
        var result = Elementwise.Floating<PowOp<float>, PowOp<double>>(this, exponent);
        if (Function.NeedsGrad(this, exponent))
        {
            // PyTorch masks the 0·∞ cases: no base gradient where the exponent is 0,
            // no exponent gradient where the base is 0 and the exponent is non-negative.
            Function.Apply("PowBackward1", result, [this, exponent], g =>
            [
                x.RequiresGrad
                    ? Reductions.SumToShape(Torch.Where(exponent.Eq(0), Scalar(0, result.DType),
                        g.Mul(exponent).Mul(x.Pow(exponent.Sub(1)))), x._shape)
                    : null,
                exponent.RequiresGrad
                    ? Reductions.SumToShape(Torch.Where(x.Eq(0).LogicalAnd(exponent.Ge(0)), Scalar(0, result.DType),
                        g.Mul(result).Mul(x.Log())), exponent._shape)
                    : null,
            ]);
        }
        return result;
    }

    /// <summary>eˣ elementwise, as <c>torch.exp</c>.</summary>
    public Tensor Exp()
    {
        var result = Elementwise.UnaryFloating<ExpOp<float>, ExpOp<double>>(this);
        return WithScalarGrad("ExpBackward0", result, g => g.Mul(result), saves: true);
    }

    /// <summary>Natural logarithm elementwise, as <c>torch.log</c>.</summary>
    public Tensor Log()
    {
        var x = this;
        return WithScalarGrad("LogBackward0", Elementwise.UnaryFloating<LogOp<float>, LogOp<double>>(this), g => g.Div(x), saves: true);
    }

    /// <summary>Square root elementwise, as <c>torch.sqrt</c>.</summary>
    public Tensor Sqrt()
    {
        var result = Elementwise.UnaryFloating<SqrtOp<float>, SqrtOp<double>>(this);
        return WithScalarGrad("SqrtBackward0", result, g => g.Div(result.Mul(2)), saves: true);
    }

    /// <summary>|this| elementwise, as <c>torch.abs</c>.</summary>
    public Tensor Abs()
    {
        var x = this;
        var result = _dtype switch
        {
            DType.Float32 => Elementwise.Unary<AbsOp<float>, float>(this),
            DType.Float64 => Elementwise.Unary<AbsOp<double>, double>(this),
            DType.Int64 => Elementwise.Unary<AbsOp<long>, long>(this),
            _ => this.Clone(),
        };
        return WithScalarGrad("AbsBackward0", result, g => g.Mul(x.Sign()), saves: true);
    }

    /// <summary>−1, 0 or 1 by sign, as <c>torch.sign</c> (gradient zero).</summary>
    public Tensor Sign()
    {
        var result = _dtype switch
        {
            DType.Float64 => Elementwise.Map<SignOp<double>, double>(this, default),
            DType.Int64 => Elementwise.Map<SignOp<long>, long>(this, default),
            DType.Float32 => Elementwise.Map<SignOp<float>, float>(this, default),
            _ => this.Clone(),
        };
        return WithScalarGrad("SignBackward0", result, g => Torch.ZerosLike(g));
    }

    /// <summary>Each element limited to [min, max] (a null bound is open), as <c>torch.clamp</c>.</summary>
    public Tensor Clamp(double? min = null, double? max = null)
    {
        if (min is null && max is null)
            throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        double lo = min ?? double.NegativeInfinity, hi = max ?? double.PositiveInfinity;
        var x = this;
        var result = _dtype switch
        {
            DType.Float64 => Elementwise.Map<ClampOp<double>, double>(this, new(lo, hi)),
            DType.Int64 => Elementwise.Map<ClampOp<long>, long>(this, new(min is null ? long.MinValue : (long)lo, max is null ? long.MaxValue : (long)hi)),
            _ => Elementwise.Map<ClampOp<float>, float>(AsFloating(), new((float)lo, (float)hi)),
        };
        // d/dx is 1 inside [min, max] (bounds included, as PyTorch's clamp_backward) and 0 outside.
        return WithScalarGrad("ClampBackward1", result, g => g.Mul(x.Ge(lo).LogicalAnd(x.Le(hi))), saves: true);
    }

    /// <summary>This tensor if floating, else converted to float32 (what float-valued ops compute in).</summary>
    private Tensor AsFloating() => _dtype.IsFloatingPoint() ? this : To(DType.Float32);
}
