// https://pytorch.org/docs/1.13/generated/torch.Tensor.bernoulli_.html and torch.bernoulli.html —
// RANDOMNESS.md §2.6 (the MKL-free CPU path, which is also what AMD CPUs run).
namespace Kindling.Random;

public sealed partial class Generator
{
    /// <summary>Fills <paramref name="dst"/> like <c>bernoulli_(p)</c> with a scalar p: 1 where U53 &lt; p, else 0.</summary>
    /// <remarks>This is Dropout's mask on CPU: <c>noise.bernoulli_(1 − p)</c>, one random64() per element, row-major.</remarks>
    public void Bernoulli(Span<float> dst, double p)
    {
        CheckProbability(p);
        Span<double> u = stackalloc double[Chunk / 2];
        for (int start = 0; start < dst.Length; start += u.Length)
        {
            var uk = u[..Math.Min(u.Length, dst.Length - start)];
            FillDouble53(uk);
            var d = dst.Slice(start, uk.Length);
            for (int j = 0; j < uk.Length; j++) d[j] = uk[j] < p ? 1f : 0f;
        }
    }

    /// <inheritdoc cref="Bernoulli(Span{float}, double)"/>
    public void Bernoulli(Span<double> dst, double p)
    {
        CheckProbability(p);
        FillDouble53(dst);
        for (int i = 0; i < dst.Length; i++) dst[i] = dst[i] < p ? 1.0 : 0.0;
    }

    /// <summary><c>torch.bernoulli(probabilities)</c> for float32 probabilities: 1 where a 24-bit uniform &lt; p.</summary>
    public void Bernoulli(ReadOnlySpan<float> probabilities, Span<float> dst)
    {
        if (probabilities.Length != dst.Length)
            throw new ArgumentException($"bernoulli: probabilities has {probabilities.Length} elements but the output has {dst.Length}.", nameof(dst));
        for (int i = 0; i < dst.Length; i++)
        {
            float p = probabilities[i];
            if (!(p >= 0f && p <= 1f))
                throw new ArgumentOutOfRangeException(nameof(probabilities), $"bernoulli expects 0 <= p <= 1, but probabilities[{i}]={p}.");
            dst[i] = NextFloat24() < p ? 1f : 0f;
        }
    }

    /// <summary><c>torch.bernoulli(probabilities)</c> for float64 probabilities: 1 where a 53-bit uniform &lt; p.</summary>
    public void Bernoulli(ReadOnlySpan<double> probabilities, Span<double> dst)
    {
        if (probabilities.Length != dst.Length)
            throw new ArgumentException($"bernoulli: probabilities has {probabilities.Length} elements but the output has {dst.Length}.", nameof(dst));
        for (int i = 0; i < dst.Length; i++)
        {
            double p = probabilities[i];
            if (!(p >= 0 && p <= 1))
                throw new ArgumentOutOfRangeException(nameof(probabilities), $"bernoulli expects 0 <= p <= 1, but probabilities[{i}]={p}.");
            dst[i] = NextDouble53() < p ? 1.0 : 0.0;
        }
    }

    static void CheckProbability(double p)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentOutOfRangeException(nameof(p), $"bernoulli_ expects p to be in [0, 1], but got p={p}.");
    }
}
