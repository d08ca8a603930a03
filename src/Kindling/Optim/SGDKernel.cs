// The update of torch/optim/sgd.py (_single_tensor_sgd, PyTorch 1.13), fused per element.
using System.Numerics;

namespace Kindling.Optim;

/// <summary>Float32 factors of one SGD update.</summary>
internal readonly record struct SGDScalars(
    bool Maximize,
    bool L2,
    float WeightDecay,
    bool UseMomentum,
    bool FirstStep,          // the momentum buffer starts as a copy of the gradient
    float Momentum,
    float OneMinusDampening,
    bool Nesterov,
    float NegLr);

/// <summary>One SGD step over a parameter's flat span, vectorised, allocating nothing.</summary>
/// <remarks>
/// Per element, in PyTorch's order (add with alpha is a fused multiply-add on CPU):
/// <code>
/// d = maximize ? −grad : grad;  d = fma(param, wd, d)
/// buf = first ? d : fma(d, 1 − dampening, buf · momentum);  d = nesterov ? fma(buf, momentum, d) : buf
/// param = fma(d, −lr, param)
/// </code>
/// </remarks>
internal static class SGDKernel
{
    public static void Step(Span<float> param, ReadOnlySpan<float> grad, Span<float> buffer, in SGDScalars s)
    {
        int n = param.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            var wd = new Vector<float>(s.WeightDecay);
            var mom = new Vector<float>(s.Momentum);
            var omd = new Vector<float>(s.OneMinusDampening);
            var negLr = new Vector<float>(s.NegLr);
            for (; i <= n - w; i += w)
            {
                var p = new Vector<float>(param[i..]);
                var d = new Vector<float>(grad[i..]);
                if (s.Maximize) d = -d;
                if (s.L2) d = Vector.FusedMultiplyAdd(p, wd, d);
                if (s.UseMomentum)
                {
                    var buf = s.FirstStep ? d : Vector.FusedMultiplyAdd(d, omd, new Vector<float>(buffer[i..]) * mom);
                    buf.CopyTo(buffer[i..]);
                    d = s.Nesterov ? Vector.FusedMultiplyAdd(buf, mom, d) : buf;
                }
                Vector.FusedMultiplyAdd(d, negLr, p).CopyTo(param[i..]);
            }
        }
        for (; i < n; i++)
        {
            float p = param[i], d = grad[i];
            if (s.Maximize) d = -d;
            if (s.L2) d = MathF.FusedMultiplyAdd(p, s.WeightDecay, d);
            if (s.UseMomentum)
            {
                float buf = s.FirstStep ? d : MathF.FusedMultiplyAdd(d, s.OneMinusDampening, buffer[i] * s.Momentum);
                buffer[i] = buf;
                d = s.Nesterov ? MathF.FusedMultiplyAdd(buf, s.Momentum, d) : buf;
            }
            param[i] = MathF.FusedMultiplyAdd(d, s.NegLr, p);
        }
    }
}
