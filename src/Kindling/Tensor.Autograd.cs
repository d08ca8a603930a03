// https://pytorch.org/docs/stable/generated/torch.Tensor.backward.html
using Kindling.Autograd;

namespace Kindling;

public partial class Tensor
{
    /// <summary>Computes the gradient of this tensor with respect to every leaf that requires grad, adding it to their
    /// <see cref="Grad"/>, as <c>Tensor.backward</c>.</summary>
    /// <param name="gradient">dL/d(this), same shape; may be omitted only for a single-element tensor (then 1).</param>
    /// <param name="retainGraph">Keep the graph's saved values so Backward can run through it again.</param>
    /// <exception cref="InvalidOperationException">No gradient for a non-scalar output; this tensor does not require
    /// grad; or the graph was already freed by a previous Backward.</exception>
    public void Backward(Tensor? gradient = null, bool retainGraph = false) => Engine.Backward(this, gradient, retainGraph);
}
