// https://pytorch.org/docs/1.13/generated/torch.nn.Dropout.html
namespace Kindling.Nn;

/// <summary>In training, zeroes each element with probability p and scales the rest by 1/(1−p); in evaluation mode,
/// the identity. As <c>torch.nn.Dropout</c>, with PyTorch's masks for the same seed (see <see cref="Functional.Dropout"/>).</summary>
public sealed class Dropout : Module
{
    /// <summary>Creates the layer.</summary>
    /// <param name="p">Probability of zeroing an element, in [0, 1] (default 0.5).</param>
    public Dropout(double p = 0.5)
    {
        Functional.CheckProbability(p);
        P = p;
    }

    /// <summary>Probability of zeroing an element.</summary>
    public double P { get; }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => Functional.Dropout(input, P, Training);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"p={P.ToString(System.Globalization.CultureInfo.InvariantCulture)}, inplace=False";
}
