// https://pytorch.org/docs/1.13/generated/torch.nn.GELU.html
namespace Kindling.Nn;

/// <summary>x·Φ(x), as <c>torch.nn.GELU</c>.</summary>
public sealed class GELU : Module
{
    /// <summary>Creates the activation.</summary>
    /// <param name="approximate"><c>"none"</c> (exact, with erf) or <c>"tanh"</c> (the tanh approximation).</param>
    public GELU(string approximate = "none")
    {
        if (approximate is not ("none" or "tanh"))
            throw new ArgumentException($"GELU approximate must be \"none\" or \"tanh\", got \"{approximate}\".", nameof(approximate));
        Approximate = approximate;
    }

    /// <summary><c>"none"</c> or <c>"tanh"</c>.</summary>
    public string Approximate { get; }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => Functional.Gelu(input, Approximate);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"approximate='{Approximate}'";
}
