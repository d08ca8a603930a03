namespace Kindling.Autograd;

/// <summary>The sink at a leaf that requires grad: adds the incoming gradient into <see cref="Tensor.Grad"/>.</summary>
internal sealed class AccumulateGrad : Node
{
    private static readonly Tensor?[] s_none = [];

    public AccumulateGrad(Tensor variable)
        : base("AccumulateGrad", [])
    {
        Variable = variable;
    }

    public Tensor Variable { get; }

    internal override Tensor?[] Apply(Tensor gradOutput)
    {
        Accumulate(Variable, gradOutput);
        return s_none;
    }

    /// <summary>First gradient: a private copy (the incoming one may alias other graph values) unless the backward
    /// that made it marked it exclusive (then it is kept as is, once); later: added in place.</summary>
    internal static void Accumulate(Tensor variable, Tensor grad)
    {
        if (!grad._shape.AsSpan().SequenceEqual(variable._shape))
            grad = Reductions.SumToShape(grad, variable._shape);
        if (grad.DType != variable.DType) grad = grad.To(variable.DType);
        var existing = variable.Grad;
        if (existing is null)
            variable.Grad = grad._exclusiveGrad ? grad : grad.Clone();
        else
            existing.AddInPlace(grad);
        grad._exclusiveGrad = false;
    }
}
