// https://pytorch.org/docs/1.13/generated/torch.nn.Identity.html
namespace Kindling.Nn;

/// <summary>Returns its input unchanged (a placeholder layer), as <c>torch.nn.Identity</c>.</summary>
public sealed class Identity : Module
{
    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => input;
}
