// The update of torch/optim/adam.py and adamw.py (_single_tensor_adam(w), PyTorch 1.13), fused per element.
using System.Numerics;

namespace Kindling.Optim;

/// <summary>Float32 factors of one Adam/AdamW update, rounded from the double values PyTorch computes in Python.</summary>
internal readonly record struct AdamScalars(
    bool Maximize,
    bool L2,                 // Adam: grad += weight_decay · param
    float WeightDecay,
    float ParamScale,        // AdamW: param *= 1 − lr · weight_decay (1 for Adam)
    float Beta1,
    float OneMinusBeta1,
    float Beta2,
    float OneMinusBeta2,
    float BiasCorrection2Sqrt,
    float Eps,
    float NegStepSize,       // −lr / (1 − β1^t)
    bool Amsgrad);

/// <summary>One Adam/AdamW step over a parameter's flat span, vectorised, allocating nothing.</summary>
/// <remarks>
/// Each element goes through the same float32 operations, in the same order, as PyTorch's chain of
/// tensor ops on CPU (AVX2 build, where add with alpha and addcmul are fused multiply-adds):
/// <code>
/// g  = maximize ? −grad : grad;  g = fma(param, wd, g)            (grad.add(param, alpha=wd))
/// p  = p · (1 − lr·wd)                                            (AdamW: param.mul_)
/// m  = fma(g, 1 − β1, m · β1)                                     (exp_avg.mul_(β1).add_(g, alpha=1−β1))
/// v  = fma((1 − β2) · g, g, v · β2)                               (exp_avg_sq.mul_(β2).addcmul_(g, g, value=1−β2))
/// d  = sqrt(amsgrad ? max(vmax, v) : v) / sqrt(1 − β2^t) + eps
/// p  = p + (−step_size · m) / d                                   (param.addcdiv_(m, d, value=−step_size))
/// </code>
/// </remarks>
internal static class AdamKernel
{
    public static void Step(Span<float> param, ReadOnlySpan<float> grad, Span<float> expAvg, Span<float> expAvgSq,
        Span<float> maxExpAvgSq, in AdamScalars s)
    {
        int n = param.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            var wd = new Vector<float>(s.WeightDecay);
            var scale = new Vector<float>(s.ParamScale);
            var b1 = new Vector<float>(s.Beta1);
            var omb1 = new Vector<float>(s.OneMinusBeta1);
            var b2 = new Vector<float>(s.Beta2);
            var omb2 = new Vector<float>(s.OneMinusBeta2);
            var bc2 = new Vector<float>(s.BiasCorrection2Sqrt);
            var eps = new Vector<float>(s.Eps);
            var negStep = new Vector<float>(s.NegStepSize);
            for (; i <= n - w; i += w)
            {
                var p = new Vector<float>(param[i..]);
                var g = new Vector<float>(grad[i..]);
                if (s.Maximize) g = -g;
                if (s.L2) g = Vector.FusedMultiplyAdd(p, wd, g);
                p *= scale;
                var m = Vector.FusedMultiplyAdd(g, omb1, new Vector<float>(expAvg[i..]) * b1);
                var v = Vector.FusedMultiplyAdd(omb2 * g, g, new Vector<float>(expAvgSq[i..]) * b2);
                m.CopyTo(expAvg[i..]);
                v.CopyTo(expAvgSq[i..]);
                if (s.Amsgrad)
                {
                    v = Vector.Max(new Vector<float>(maxExpAvgSq[i..]), v);
                    v.CopyTo(maxExpAvgSq[i..]);
                }
                var denom = Vector.SquareRoot(v) / bc2 + eps;
                (p + negStep * m / denom).CopyTo(param[i..]);
            }
        }
        for (; i < n; i++)
        {
            float p = param[i], g = grad[i];
            if (s.Maximize) g = -g;
            if (s.L2) g = MathF.FusedMultiplyAdd(p, s.WeightDecay, g);
            p *= s.ParamScale;
            float m = MathF.FusedMultiplyAdd(g, s.OneMinusBeta1, expAvg[i] * s.Beta1);
            float v = MathF.FusedMultiplyAdd(s.OneMinusBeta2 * g, g, expAvgSq[i] * s.Beta2);
            expAvg[i] = m;
            expAvgSq[i] = v;
            if (s.Amsgrad)
            {
                v = MathF.Max(maxExpAvgSq[i], v);
                maxExpAvgSq[i] = v;
            }
            float denom = MathF.Sqrt(v) / s.BiasCorrection2Sqrt + s.Eps;
            param[i] = p + s.NegStepSize * m / denom;
        }
    }
}
