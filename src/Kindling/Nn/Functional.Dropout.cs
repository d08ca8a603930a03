// https://pytorch.org/docs/1.13/generated/torch.nn.functional.dropout.html
using Kindling.Random;

namespace Kindling.Nn;

public static partial class Functional
{
    /// <summary>Zeroes each element with probability <paramref name="p"/> and scales the rest by 1/(1−p), as <c>F.dropout</c>.</summary>
    /// <remarks>Bit-exact with PyTorch 1.13 on CPU (RANDOMNESS.md §2.6): the mask is <c>bernoulli_(1 − p)</c>, one 53-bit
    /// draw per element in row-major order, scaled in float32 by f32(1 / f32(1 − p)), and the output is
    /// <c>input · mask</c>. Not training, or p = 0: the input itself is returned and nothing is drawn;
    /// p = 1: <c>input · 0</c>, nothing drawn.</remarks>
    /// <param name="input">Any floating-point tensor.</param>
    /// <param name="p">Probability of zeroing an element, in [0, 1].</param>
    /// <param name="training">False makes dropout the identity (what <c>Eval()</c> does to the module).</param>
    /// <param name="generator">Source of the mask; <see cref="Torch.DefaultGenerator"/> when null.</param>
    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckProbability(p);
        if (!training || p == 0 || input.NumEl == 0) return input;
        if (p == 1) return input.Mul(0.0);
        var g = generator ?? Torch.DefaultGenerator;
        var shape = input.Shape;
        Tensor noise;
        switch (input.DType)
        {
            case DType.Float32:
                {
                    var mask = new float[input.NumEl];
                    g.Bernoulli(mask, 1 - p);
                    float scale = 1f / (float)(1 - p);
                    for (int i = 0; i < mask.Length; i++) mask[i] *= scale;
                    noise = Tensor.FromArray(mask, shape);
                    break;
                }
            case DType.Float64:
                {
                    var mask = new double[input.NumEl];
                    g.Bernoulli(mask, 1 - p);
                    double scale = 1.0 / (1 - p);
                    for (int i = 0; i < mask.Length; i++) mask[i] *= scale;
                    noise = Tensor.FromArray(mask, shape);
                    break;
                }
            default:
                throw new ArgumentException($"dropout needs a floating-point input, got {input.DType}.", nameof(input));
        }
        return input.Mul(noise);
    }

    internal static void CheckProbability(double p)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), p, $"dropout probability has to be between 0 and 1, but got {p}.");
    }
}
