// https://pytorch.org/docs/stable/generated/torch.set_printoptions.html
namespace Kindling;

public partial class Tensor
{
    /// <summary>The tensor printed as PyTorch prints it, e.g. <c>tensor([[ 0.1000, -2.0000], ...])</c>, with
    /// <c>dtype=torch.float64</c>, <c>grad_fn=&lt;...&gt;</c> or <c>requires_grad=True</c> suffixes.</summary>
    public override string ToString() => TensorFormatter.Format(this);
}
