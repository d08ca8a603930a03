// https://pytorch.org/docs/1.13/generated/torch.nn.Sigmoid.html
namespace Kindling.Nn;

/// <summary>1 / (1 + e^−x), as <c>torch.nn.Sigmoid</c>.</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => Functional.Sigmoid(input);
}
