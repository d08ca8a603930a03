// The update of torch/optim/rmsprop.py (_single_tensor_rmsprop, PyTorch 1.13), fused per element.
using System.Numerics;

namespace Kindling.Optim;

/// <summary>Float32 factors of one RMSprop update.</summary>
internal readonly record struct RMSpropScalars(
    bool Maximize,
    bool L2,
    float WeightDecay,
    float Alpha,
    float OneMinusAlpha,
    bool Centered,
    float Eps,
    bool UseMomentum,
    float Momentum,
    float NegLr);

/// <summary>One RMSprop step over a parameter's flat span, vectorised, allocating nothing.</summary>
/// <remarks>
/// Per element, in PyTorch's order (add with alpha and addcmul are fused multiply-adds on CPU):
/// <code>
/// g = maximize ? −grad : grad;  g = fma(param, wd, g)
/// sq = fma((1−α)·g, g, sq·α)
/// centered: ga = fma(g, 1−α, ga·α);  avg = sqrt(fma(−ga, ga, sq))   otherwise avg = sqrt(sq)
/// avg = avg + eps
/// momentum: buf = buf·μ + g / avg;  param = fma(buf, −lr, param)    otherwise param = param + (−lr·g) / avg
/// </code>
/// </remarks>
internal static class RMSpropKernel
{
    public static void Step(Span<float> param, ReadOnlySpan<float> grad, Span<float> squareAvg, Span<float> gradAvg,
        Span<float> buffer, in RMSpropScalars s)
    {
        int n = param.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            var wd = new Vector<float>(s.WeightDecay);
            var alpha = new Vector<float>(s.Alpha);
            var oma = new Vector<float>(s.OneMinusAlpha);
            var eps = new Vector<float>(s.Eps);
            var mom = new Vector<float>(s.Momentum);
            var negLr = new Vector<float>(s.NegLr);
            for (; i <= n - w; i += w)
            {
                var p = new Vector<float>(param[i..]);
                var g = new Vector<float>(grad[i..]);
                if (s.Maximize) g = -g;
                if (s.L2) g = Vector.FusedMultiplyAdd(p, wd, g);
                var sq = Vector.FusedMultiplyAdd(oma * g, g, new Vector<float>(squareAvg[i..]) * alpha);
                sq.CopyTo(squareAvg[i..]);
                Vector<float> avg;
                if (s.Centered)
                {
                    var ga = Vector.FusedMultiplyAdd(g, oma, new Vector<float>(gradAvg[i..]) * alpha);
                    ga.CopyTo(gradAvg[i..]);
                    avg = Vector.SquareRoot(Vector.FusedMultiplyAdd(-ga, ga, sq));
                }
                else
                {
                    avg = Vector.SquareRoot(sq);
                }
                avg += eps;
                if (s.UseMomentum)
                {
                    var buf = new Vector<float>(buffer[i..]) * mom + g / avg;
                    buf.CopyTo(buffer[i..]);
                    Vector.FusedMultiplyAdd(buf, negLr, p).CopyTo(param[i..]);
                }
                else
                {
                    (p + negLr * g / avg).CopyTo(param[i..]);
                }
            }
        }
        for (; i < n; i++)
        {
            float p = param[i], g = grad[i];
            if (s.Maximize) g = -g;
            if (s.L2) g = MathF.FusedMultiplyAdd(p, s.WeightDecay, g);
            float sq = MathF.FusedMultiplyAdd(s.OneMinusAlpha * g, g, squareAvg[i] * s.Alpha);
            squareAvg[i] = sq;
            float avg;
            if (s.Centered)
            {
                float ga = MathF.FusedMultiplyAdd(g, s.OneMinusAlpha, gradAvg[i] * s.Alpha);
                gradAvg[i] = ga;
                avg = MathF.Sqrt(MathF.FusedMultiplyAdd(-ga, ga, sq));
            }
            else
            {
                avg = MathF.Sqrt(sq);
            }
            avg += s.Eps;
            if (s.UseMomentum)
            {
                float buf = buffer[i] * s.Momentum + g / avg;
                buffer[i] = buf;
                param[i] = MathF.FusedMultiplyAdd(buf, s.NegLr, p);
            }
            else
            {
                param[i] = p + s.NegLr * g / avg;
            }
        }
    }
}
