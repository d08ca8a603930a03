// https://pytorch.org/docs/stable/torch.html#pointwise-ops (add, sub, mul, div)
using Kindling.Autograd;

namespace Kindling;

public partial class Tensor
{
    /// <summary>this + other, broadcast, as <c>torch.add</c>.</summary>
    public Tensor Add(Tensor other)
    {
        var result = Elementwise.Arithmetic<AddOp<float>, AddOp<double>, AddOp<long>>(this, other);
        if (Function.NeedsGrad(this, other))
        {
            int[] sa = _shape, sb = other._shape;
            Function.Apply("AddBackward0", result, [this, other],
                g => [Reductions.SumToShape(g, sa), Reductions.SumToShape(g, sb)], savesTensors: false);
        }
        return result;
    }

    /// <summary>this + value.</summary>
    public Tensor Add(double value) => WithScalarGrad("AddBackward0",
        Elementwise.Arithmetic<AddOp<float>, AddOp<double>, AddOp<long>>(this, ScalarOperand(value)), g => g);

    /// <summary>this − other, broadcast, as <c>torch.sub</c>.</summary>
    public Tensor Sub(Tensor other)
    {
        var result = Elementwise.Arithmetic<SubOp<float>, SubOp<double>, SubOp<long>>(this, other);
        if (Function.NeedsGrad(this, other))
        {
            int[] sa = _shape, sb = other._shape;
            Function.Apply("SubBackward0", result, [this, other],
                g => [Reductions.SumToShape(g, sa), Reductions.SumToShape(g.Neg(), sb)], savesTensors: false);
        }
        return result;
    }

    /// <summary>this − value.</summary>
    public Tensor Sub(double value) => WithScalarGrad("SubBackward0",
        Elementwise.Arithmetic<SubOp<float>, SubOp<double>, SubOp<long>>(this, ScalarOperand(value)), g => g);

    /// <summary>value − this, as <c>torch.rsub</c>.</summary>
    public Tensor RSub(double value) => WithScalarGrad("RsubBackward1",
        Elementwise.Arithmetic<SubOp<float>, SubOp<double>, SubOp<long>>(ScalarOperand(value), this), g => g.Neg());

    /// <summary>this × other elementwise, broadcast, as <c>torch.mul</c>.</summary>
    public Tensor Mul(Tensor other)
    {
        var result = Elementwise.Arithmetic<MulOp<float>, MulOp<double>, MulOp<long>>(this, other);
        if (Function.NeedsGrad(this, other))
        {
            var a = this;
            Function.Apply("MulBackward0", result, [this, other], g =>
            [
                a.RequiresGrad ? Reductions.SumToShape(g.Mul(other), a._shape) : null,
                other.RequiresGrad ? Reductions.SumToShape(g.Mul(a), other._shape) : null,
            ]);
        }
        return result;
    }

    /// <summary>this × value.</summary>
    public Tensor Mul(double value) => WithScalarGrad("MulBackward0",
        Elementwise.Arithmetic<MulOp<float>, MulOp<double>, MulOp<long>>(this, ScalarOperand(value)), g => g.Mul(value));

    /// <summary>this ÷ other (true division: integers give float32), broadcast, as <c>torch.div</c>.</summary>
    public Tensor Div(Tensor other)
    {
        var result = Elementwise.Floating<DivOp<float>, DivOp<double>>(this, other);
        if (Function.NeedsGrad(this, other))
        {
            var a = this;
            Function.Apply("DivBackward0", result, [this, other], g =>
            [
                a.RequiresGrad ? Reductions.SumToShape(g.Div(other), a._shape) : null,
                other.RequiresGrad ? Reductions.SumToShape(g.Mul(a).Div(other.Mul(other)).Neg(), other._shape) : null,
            ]);
        }
        return result;
    }

    /// <summary>this ÷ value.</summary>
    public Tensor Div(double value) => WithScalarGrad("DivBackward0",
        Elementwise.Floating<DivOp<float>, DivOp<double>>(this, ScalarOperand(value)), g => g.Div(value));

    /// <summary>value ÷ this, recorded as PyTorch does: reciprocal, then multiply.</summary>
    public Tensor RDiv(double value) => Reciprocal().Mul(value);

    /// <summary>1 ÷ this, as <c>torch.reciprocal</c>.</summary>
    public Tensor Reciprocal()
    {
        var result = Elementwise.Floating<DivOp<float>, DivOp<double>>(Scalar(1, _dtype == DType.Float64 ? DType.Float64 : DType.Float32), this);
        return WithScalarGrad("ReciprocalBackward0", result, g => g.Mul(result.Mul(result)).Neg(), saves: true);
    }

    /// <summary>−this, as <c>torch.neg</c>.</summary>
    public Tensor Neg()
    {
        var result = _dtype switch
        {
            DType.Float32 => Elementwise.Unary<NegOp<float>, float>(this),
            DType.Float64 => Elementwise.Unary<NegOp<double>, double>(this),
            DType.Int64 => Elementwise.Unary<NegOp<long>, long>(this),
            _ => throw new InvalidOperationException("Negation, the `-` operator, on a bool tensor is not supported."),
        };
        return WithScalarGrad("NegBackward0", result, g => g.Neg());
    }

    /// <summary>The scalar operand of a tensor-scalar op: the tensor's dtype when floating; int64 for whole values on
    /// integer tensors, else float32 (PyTorch's rule for Python ints and floats, decided here by the value).</summary>
    private Tensor ScalarOperand(double value)
    {
        var dtype = _dtype.IsFloatingPoint() ? _dtype : double.IsInteger(value) ? DType.Int64 : DType.Float32;
        return Scalar(value, dtype);
    }

    /// <summary>Records a one-input op whose gradient is <paramref name="backward"/>(dL/dOutput).</summary>
    private Tensor WithScalarGrad(string name, Tensor result, Func<Tensor, Tensor> backward, bool saves = false)
    {
        if (Function.NeedsGrad(this))
            Function.Apply(name, result, [this], g => [backward(g)], savesTensors: saves);
        return result;
    }
}
