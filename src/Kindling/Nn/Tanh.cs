// https://pytorch.org/docs/1.13/generated/torch.nn.Tanh.html
namespace Kindling.Nn;

/// <summary>tanh(x), as <c>torch.nn.Tanh</c>.</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => Functional.Tanh(input);
}
