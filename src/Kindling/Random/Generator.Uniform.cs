// https://pytorch.org/docs/1.13/generated/torch.Tensor.uniform_.html — RANDOMNESS.md §2.2.
namespace Kindling.Random;

public sealed partial class Generator
{
    /// <summary>Fills <paramref name="dst"/> like <c>uniform_(from, to)</c> on a contiguous float32 tensor.</summary>
    /// <remarks>x = 24-bit uniform; out = fmaf(x, f32(to) − f32(from), f32(from)) with one rounding,
    /// because PyTorch's AVX2 build contracts the multiply-add (unfused results differ in 14–52% of draws).</remarks>
    public void Uniform(Span<float> dst, double from = 0, double to = 1)
    {
        CheckRange(from, to);
        float lo = (float)from;
        float width = (float)to - lo;
        FillFloat24(dst);
        for (int i = 0; i < dst.Length; i++)
            dst[i] = MathF.FusedMultiplyAdd(dst[i], width, lo);
    }

    /// <summary>Fills <paramref name="dst"/> like <c>uniform_(from, to)</c> on a contiguous float64 tensor.</summary>
    /// <remarks>x = 53-bit uniform from two words; out = fma(x, to − from, from).</remarks>
    public void Uniform(Span<double> dst, double from = 0, double to = 1)
    {
        CheckRange(from, to);
        double width = to - from;
        FillDouble53(dst);
        for (int i = 0; i < dst.Length; i++)
            dst[i] = Math.FusedMultiplyAdd(dst[i], width, from);
    }

    static void CheckRange(double from, double to)
    {
        if (!(from <= to))
            throw new ArgumentOutOfRangeException(nameof(from), $"uniform_ expects a [from, to) range with from <= to, but got from={from} and to={to}.");
        if (double.IsInfinity(to - from))
            throw new ArgumentOutOfRangeException(nameof(to), $"uniform_ expects to - from to be finite, but got from={from} and to={to}.");
    }
}
