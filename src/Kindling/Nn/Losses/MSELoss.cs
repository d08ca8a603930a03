// https://pytorch.org/docs/1.13/generated/torch.nn.MSELoss.html
namespace Kindling.Nn;

/// <summary>Squared error (x − y)², as <c>torch.nn.MSELoss</c>.</summary>
/// <param name="reduction">Mean (the default), Sum or None.</param>
public sealed class MSELoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input, Tensor target) => Functional.MseLoss(input, target, Reduction);
}
