// https://pytorch.org/docs/1.13/generated/torch.nn.ReLU.html
namespace Kindling.Nn;

/// <summary>max(0, x), as <c>torch.nn.ReLU</c>.</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => Functional.Relu(input);
}
