// https://pytorch.org/docs/stable/generated/torch.nn.utils.clip_grad_norm_.html
// https://pytorch.org/docs/stable/generated/torch.nn.utils.clip_grad_value_.html
using System.Numerics;

namespace Kindling.Nn.Utils;

/// <summary>Gradient clipping, as <c>torch.nn.utils.clip_grad_norm_</c> and <c>clip_grad_value_</c>: call it between
/// <c>loss.Backward()</c> and <c>optimizer.Step()</c>.</summary>
public static class ClipGrad
{
    /// <summary>Scales all gradients together so that their joint <paramref name="normType"/>-norm is at most
    /// <paramref name="maxNorm"/>, and returns that norm before clipping (a 0-dim tensor, as PyTorch).</summary>
    /// <remarks>
    /// As PyTorch: each gradient's norm, then the norm of those norms (∞: the largest |g|); the scale is
    /// <c>min(1, maxNorm / (total + 1e-6))</c>, applied in the gradients' precision (float32: the reciprocal of
    /// <c>total + 1e-6</c> times maxNorm, as PyTorch's <c>max_norm / tensor</c>). Parameters without a gradient
    /// are skipped; with none at all the result is 0.
    /// </remarks>
    /// <param name="parameters">The parameters whose <see cref="Tensor.Grad"/> are clipped in place.</param>
    /// <param name="maxNorm">The largest norm allowed.</param>
    /// <param name="normType">The p of the p-norm; <see cref="double.PositiveInfinity"/> for the max norm.</param>
    /// <param name="errorIfNonfinite">Throw instead of scaling when the total norm is NaN or infinite.</param>
    /// <exception cref="InvalidOperationException">The norm is non-finite and <paramref name="errorIfNonfinite"/> is set.</exception>
    public static Tensor ClipGradNorm_(IEnumerable<Tensor> parameters, double maxNorm, double normType = 2.0, bool errorIfNonfinite = false)
    {
        var grads = Grads(parameters);
        if (grads.Count == 0) return Tensor.FromArray(new float[1]);
        bool f32 = grads[0].DType == DType.Float32;
        var norms = new double[grads.Count];
        for (int i = 0; i < grads.Count; i++)
        {
            norms[i] = f32 ? (float)Norm<float>(grads[i].AsSpan(), normType) : Norm<double>(grads[i].Span<double>(), normType);
        }
        double total = Norm<double>(norms, normType);
        if (f32) total = (float)total;
        if (errorIfNonfinite && !double.IsFinite(total))
        {
            throw new InvalidOperationException(
                $"The total norm of order {normType} for gradients from `parameters` is non-finite ({total}), so it cannot be clipped. " +
                "To disable this error and scale the gradients by the non-finite norm anyway, set errorIfNonfinite: false.");
        }
        if (f32)
        {
            float coef = 1f / ((float)total + (float)1e-6) * (float)maxNorm;
            if (coef > 1f) coef = 1f;   // clamp(max = 1): NaN stays NaN, as torch.clamp
            foreach (var g in grads)
            {
                var span = g.AsSpan();
                for (int k = 0; k < span.Length; k++) span[k] *= coef;
            }
            return Tensor.FromArray(new[] { (float)total });
        }
        double coef64 = 1 / (total + 1e-6) * maxNorm;
        if (coef64 > 1) coef64 = 1;
        foreach (var g in grads)
        {
            var span = g.Span<double>();
            for (int k = 0; k < span.Length; k++) span[k] *= coef64;
        }
        return Tensor.FromArray(new[] { total });
    }

    /// <summary>Clamps every gradient element into [−<paramref name="clipValue"/>, <paramref name="clipValue"/>] in place.</summary>
    public static void ClipGradValue_(IEnumerable<Tensor> parameters, double clipValue)
    {
        foreach (var g in Grads(parameters))
        {
            if (g.DType == DType.Float32)
            {
                float c = (float)clipValue;
                var span = g.AsSpan();
                for (int k = 0; k < span.Length; k++) span[k] = Clamp(span[k], -c, c);
            }
            else
            {
                var span = g.Span<double>();
                for (int k = 0; k < span.Length; k++) span[k] = span[k] < -clipValue ? -clipValue : span[k] > clipValue ? clipValue : span[k];
            }
        }
    }

    private static float Clamp(float x, float lo, float hi) => x < lo ? lo : x > hi ? hi : x;

    private static List<Tensor> Grads(IEnumerable<Tensor> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var grads = new List<Tensor>();
        foreach (var p in parameters)
        {
            if (p?.Grad is not Tensor g) continue;
            if (g.DType is not (DType.Float32 or DType.Float64))
                throw new ArgumentException($"gradient {grads.Count} is {g.DType}; gradients are clipped in float32 or float64.", nameof(parameters));
            if (grads.Count > 0 && g.DType != grads[0].DType)
                throw new ArgumentException($"gradients mix {grads[0].DType} and {g.DType}; clip each dtype separately.", nameof(parameters));
            grads.Add(g);
        }
        return grads;
    }

    /// <summary>The p-norm of <paramref name="x"/>, accumulated in double: ∞ → max|x|, −∞ → min|x|, 0 → count of
    /// non-zeros, else (Σ|x|^p)^(1/p).</summary>
    private static double Norm<T>(ReadOnlySpan<T> x, double p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (double.IsPositiveInfinity(p) || double.IsNegativeInfinity(p))
        {
            double acc = double.IsPositiveInfinity(p) ? 0 : double.PositiveInfinity;
            foreach (T t in x)
            {
                double a = Math.Abs(double.CreateTruncating(t));
                if (double.IsNaN(a)) return double.NaN;
                acc = double.IsPositiveInfinity(p) ? Math.Max(acc, a) : Math.Min(acc, a);
            }
            return acc;
        }
        double sum = 0;
        foreach (T t in x)
        {
            double v = double.CreateTruncating(t);
            sum += p == 0 ? (v != 0 ? 1 : 0) : p == 1 ? Math.Abs(v) : p == 2 ? v * v : Math.Pow(Math.Abs(v), p);
        }
        return p == 0 || p == 1 ? sum : p == 2 ? Math.Sqrt(sum) : Math.Pow(sum, 1 / p);
    }
}
