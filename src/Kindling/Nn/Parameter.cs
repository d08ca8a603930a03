// https://pytorch.org/docs/1.13/generated/torch.nn.parameter.Parameter.html
namespace Kindling.Nn;

/// <summary>A tensor that is a module's trainable state: registered by <see cref="Module"/> constructors and
/// returned by <see cref="Module.Parameters"/>, as <c>torch.nn.Parameter</c>.</summary>
public sealed class Parameter : Tensor
{
    /// <summary>Wraps <paramref name="data"/>'s storage (no copy) as a leaf parameter.</summary>
    /// <param name="data">The initial value; its history, if any, is dropped.</param>
    /// <param name="requiresGrad">Whether the optimizer sees gradients for it (default true, as PyTorch).</param>
    public Parameter(Tensor data, bool requiresGrad = true)
        : base(data ?? throw new ArgumentNullException(nameof(data)), requiresGrad)
    {
    }

    /// <summary>Prints as PyTorch: <c>Parameter containing:</c> then the tensor.</summary>
    public override string ToString() => "Parameter containing:\n" + base.ToString();
}
