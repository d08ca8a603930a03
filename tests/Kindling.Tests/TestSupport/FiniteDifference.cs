namespace Kindling.Tests.TestSupport;

/// <summary>
/// Checks autograd gradients against central finite differences in float64 — the oracle for "every differentiable
/// op gets a finite-difference gradient check".
/// </summary>
/// <remarks>
/// Usage: <c>FiniteDifference.Check(xs => xs[0].Mul(xs[1]).Sum(), inputs)</c> where floating <c>inputs</c> are
/// converted to float64, cloned and given RequiresGrad (int64/bool inputs pass through) and the function returns any tensor. The scalar checked is
/// L = Σ f(x)·u with a fixed pseudo-random upstream u, so every output element's gradient matters. For each input
/// element, (L(x + eps) − L(x − eps)) / 2eps is compared with the autograd gradient within
/// |analytic − numeric| ≤ atol + rtol·|numeric|. Throws an Xunit assertion naming the input and element on mismatch.
/// Central differences have O(eps²) truncation error and O(1e-16/eps) rounding error: eps = 1e-6 gives ~1e-9,
/// well inside the default tolerances.
/// </remarks>
internal static class FiniteDifference
{
    public const double DefaultEps = 1e-6;
    public const double DefaultTolerance = 1e-6;

    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, double eps = DefaultEps,
        double atol = DefaultTolerance, double rtol = DefaultTolerance)
    {
        var leaves = new Tensor[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            // Integer inputs (indices) pass through unchanged and are not differentiated.
            leaves[i] = inputs[i].DType == DType.Int64 || inputs[i].DType == DType.Bool
                ? inputs[i]
                : inputs[i].Double().Detach().Clone().RequiresGrad_();
        }
        var output = f(leaves);
        var upstream = Upstream(output.NumEl, output.Shape);
        output.Mul(upstream).Sum().Backward();

        for (int i = 0; i < leaves.Length; i++)
        {
            if (!leaves[i].RequiresGrad) continue;
            var analytic = leaves[i].Grad?.ToArray<double>() ?? new double[leaves[i].NumEl];
            var data = leaves[i].Span<double>();
            for (int j = 0; j < data.Length; j++)
            {
                double saved = data[j];
                data[j] = saved + eps;
                double plus = Loss(f, leaves, upstream);
                data[j] = saved - eps;
                double minus = Loss(f, leaves, upstream);
                data[j] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double diff = Math.Abs(analytic[j] - numeric);
                Assert.True(diff <= atol + rtol * Math.Abs(numeric),
                    $"input {i} element {j}: autograd {analytic[j]:R} vs finite difference {numeric:R} (|diff| {diff:E2})");
            }
        }
    }

    private static double Loss(Func<Tensor[], Tensor> f, Tensor[] leaves, Tensor upstream)
    {
        using (Torch.NoGrad()) return f(leaves).Mul(upstream).Sum().Item();
    }

    // Deterministic upstream gradient in [0.5, 1.5) with varied values so errors cannot cancel out.
    private static Tensor Upstream(int n, int[] shape)
    {
        var u = new double[n];
        for (int i = 0; i < n; i++) u[i] = 0.5 + ((i * 7919 + 13) % 101) / 101.0;
        return Torch.Tensor(u).Reshape(shape);
    }
}
