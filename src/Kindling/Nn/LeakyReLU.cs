// https://pytorch.org/docs/1.13/generated/torch.nn.LeakyReLU.html
namespace Kindling.Nn;

/// <summary>x for x ≥ 0, negative_slope·x otherwise, as <c>torch.nn.LeakyReLU</c>.</summary>
/// <param name="negativeSlope">Slope for negative inputs (default 0.01).</param>
public sealed class LeakyReLU(double negativeSlope = 0.01) : Module
{
    /// <summary>Slope for negative inputs.</summary>
    public double NegativeSlope { get; } = negativeSlope;

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => Functional.LeakyRelu(input, NegativeSlope);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"negative_slope={NegativeSlope.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
