// https://pytorch.org/docs/1.13/generated/torch.nn.HuberLoss.html
namespace Kindling.Nn;

/// <summary>Squared error below <paramref name="delta"/>, linear above, as <c>torch.nn.HuberLoss</c>.</summary>
/// <param name="reduction">Mean (the default), Sum or None.</param>
/// <param name="delta">The threshold between the quadratic and the linear part (positive).</param>
public sealed class HuberLoss(Reduction reduction = Reduction.Mean, double delta = 1.0) : Loss(reduction)
{
    /// <summary>The threshold δ.</summary>
    public double Delta { get; } = delta > 0 ? delta : throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must be positive.");

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input, Tensor target) => Functional.HuberLoss(input, target, Reduction, Delta);
}
