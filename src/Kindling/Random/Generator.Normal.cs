// https://pytorch.org/docs/1.13/generated/torch.Tensor.normal_.html — RANDOMNESS.md §2.3/§2.4.
// PyTorch picks one of three algorithms by dtype, size and layout; the results differ, so we must too.
namespace Kindling.Random;

public sealed partial class Generator
{
    /// <summary>Smallest contiguous size that uses the block-of-16 fill instead of scalar Box–Muller.</summary>
    internal const int NormalFillThreshold = 16;

    /// <summary>Fills <paramref name="dst"/> like <c>normal_(mean, std)</c> on a contiguous float32 tensor.</summary>
    /// <remarks>Fewer than 16 elements: scalar Box–Muller with the shared cache; otherwise the AVX2 block fill.
    /// For a non-contiguous tensor PyTorch always takes the scalar path: use <see cref="NormalScalar(Span{float}, double, double)"/>.</remarks>
    public void Normal(Span<float> dst, double mean = 0, double std = 1)
    {
        CheckStd(std);
        if (dst.Length < NormalFillThreshold)
        {
            NormalScalar(dst, mean, std);
            return;
        }
        float m = (float)mean, s = (float)std;
        FillFloat24(dst);
        int n = dst.Length;
        for (int i = 0; i + 16 <= n; i += 16) AvxNormalMath.Block16(dst.Slice(i, 16), m, s);
        if (n % 16 != 0)
        {
            // PyTorch redraws the last 16 uniforms (overwriting transformed values) and redoes that block.
            var tail = dst[(n - 16)..];
            FillFloat24(tail);
            AvxNormalMath.Block16(tail, m, s);
        }
    }

    /// <summary>Fills <paramref name="dst"/> like <c>normal_(mean, std)</c> on a contiguous float64 tensor.</summary>
    public void Normal(Span<double> dst, double mean = 0, double std = 1)
    {
        CheckStd(std);
        if (dst.Length < NormalFillThreshold)
        {
            NormalScalar(dst, mean, std);
            return;
        }
        FillDouble53(dst);
        int n = dst.Length;
        for (int i = 0; i + 16 <= n; i += 16) NormalBlock16(dst.Slice(i, 16), mean, std);
        if (n % 16 != 0)
        {
            var tail = dst[(n - 16)..];
            FillDouble53(tail);
            NormalBlock16(tail, mean, std);
        }
    }

    /// <summary>The scalar Box–Muller path (numel &lt; 16 or non-contiguous): each value rounded to float32.</summary>
    public void NormalScalar(Span<float> dst, double mean = 0, double std = 1)
    {
        CheckStd(std);
        for (int i = 0; i < dst.Length; i++) dst[i] = (float)NextNormal(mean, std);
    }

    /// <summary>The scalar Box–Muller path (numel &lt; 16 or non-contiguous) in double.</summary>
    public void NormalScalar(Span<double> dst, double mean = 0, double std = 1)
    {
        CheckStd(std);
        for (int i = 0; i < dst.Length; i++) dst[i] = NextNormal(mean, std);
    }

    /// <summary>One <c>at::normal_distribution&lt;double&gt;</c> draw: Box–Muller whose second value is cached.</summary>
    internal double NextNormal(double mean, double std)
    {
        double v;
        if (_hasNormalCache)
        {
            v = _normalCache;
            _hasNormalCache = false;
        }
        else
        {
            double u1 = NextDouble53();
            double u2 = NextDouble53();
            double r = Math.Sqrt(-2.0 * Math.Log(1.0 - u2));   // 1.13 uses log(1 − u2), not log1p
            double theta = 2.0 * Math.PI * u1;
            _normalCache = r * Math.Sin(theta);
            _hasNormalCache = true;
            v = r * Math.Cos(theta);
        }
        return Math.FusedMultiplyAdd(v, std, mean);
    }

    static void NormalBlock16(Span<double> d, double mean, double std)
    {
        for (int j = 0; j < 8; j++)
        {
            double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - d[j]));
            double theta = 2.0 * Math.PI * d[j + 8];
            d[j] = Math.FusedMultiplyAdd(radius * Math.Cos(theta), std, mean);
            d[j + 8] = Math.FusedMultiplyAdd(radius * Math.Sin(theta), std, mean);
        }
    }

    static void CheckStd(double std)
    {
        if (!(std >= 0))
            throw new ArgumentOutOfRangeException(nameof(std), $"normal_ expects std >= 0.0, but found std={std}.");
    }
}
