// https://pytorch.org/docs/1.13/generated/torch.nn.L1Loss.html
namespace Kindling.Nn;

/// <summary>Absolute error |x − y|, as <c>torch.nn.L1Loss</c>.</summary>
/// <param name="reduction">Mean (the default), Sum or None.</param>
public sealed class L1Loss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input, Tensor target) => Functional.L1Loss(input, target, Reduction);
}
