// https://pytorch.org/docs/1.13/generated/torch.nn.BatchNorm1d.html
using Kindling.Autograd;

namespace Kindling.Nn;

/// <summary>Batch normalisation over (N, C) or (N, C, L) input, per channel C, accumulated in doubles.</summary>
internal static class BatchNormFunction
{
    /// <summary>Normalises <paramref name="input"/> with batch statistics (<paramref name="useBatchStats"/>) or the
    /// given running ones; when using batch statistics and running buffers exist, updates them in place with
    /// <paramref name="momentum"/> (the running variance takes the unbiased batch variance, as PyTorch).</summary>
    public static Tensor Apply(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight, Tensor? bias,
        bool useBatchStats, double momentum, double eps)
    {
        var shape = input.Shape;
        int n = shape[0], c = shape[1], l = shape.Length == 3 ? shape[2] : 1;
        int count = n * l;                     // values per channel
        var x = TensorData.ReadDoubles(input, "batch_norm input");
        var gamma = weight is null ? null : TensorData.ReadDoubles(weight, "batch_norm weight");
        var beta = bias is null ? null : TensorData.ReadDoubles(bias, "batch_norm bias");
        var mean = new double[c];
        var invStd = new double[c];

        if (useBatchStats)
        {
            if (count <= 1)
                throw new ArgumentException(
                    $"Expected more than 1 value per channel when training, got input size {TensorData.Format(shape)}.", nameof(input));
            var variance = new double[c];
            for (int ch = 0; ch < c; ch++)
            {
                double sum = 0;
                ForChannel(ch, n, c, l, i => sum += x[i]);
                double mu = sum / count, sq = 0;
                ForChannel(ch, n, c, l, i => sq += (x[i] - mu) * (x[i] - mu));
                mean[ch] = mu;
                variance[ch] = sq / count;
                invStd[ch] = 1.0 / Math.Sqrt(sq / count + eps);
            }
            if (runningMean is not null && runningVar is not null)
                UpdateRunningStats(runningMean, runningVar, mean, variance, count, momentum);
        }
        else
        {
            var rm = TensorData.ReadDoubles(runningMean!, "running_mean");
            var rv = TensorData.ReadDoubles(runningVar!, "running_var");
            for (int ch = 0; ch < c; ch++)
            {
                mean[ch] = rm[ch];
                invStd[ch] = 1.0 / Math.Sqrt(rv[ch] + eps);
            }
        }

        var xhat = new double[x.Length];
        var y = new double[x.Length];
        for (int ch = 0; ch < c; ch++)
        {
            double mu = mean[ch], s = invStd[ch], gm = gamma?[ch] ?? 1, bt = beta?[ch] ?? 0;
            ForChannel(ch, n, c, l, i =>
            {
                xhat[i] = (x[i] - mu) * s;
                y[i] = xhat[i] * gm + bt;
            });
        }
        var output = TensorData.Create(y, shape, input.DType);
        return Function.Apply("NativeBatchNormBackward0", output, [input, weight, bias], g =>
        {
            var dy = TensorData.ReadDoubles(g, "gradient");
            var dx = new double[dy.Length];
            var dGamma = new double[c];
            var dBeta = new double[c];
            for (int ch = 0; ch < c; ch++)
            {
                double sumDy = 0, sumDyXhat = 0;
                ForChannel(ch, n, c, l, i =>
                {
                    sumDy += dy[i];
                    sumDyXhat += dy[i] * xhat[i];
                });
                dGamma[ch] = sumDyXhat;
                dBeta[ch] = sumDy;
                double scale = (gamma?[ch] ?? 1) * invStd[ch];
                if (useBatchStats)
                    // dx = γ·σ⁻¹/M · (M·dy − Σdy − x̂·Σ(dy·x̂)): the batch statistics depend on x too.
                    ForChannel(ch, n, c, l, i => dx[i] = scale * (dy[i] - sumDy / count - xhat[i] * sumDyXhat / count));
                else
                    ForChannel(ch, n, c, l, i => dx[i] = scale * dy[i]);
            }
            return
            [
                input.RequiresGrad ? TensorData.Create(dx, shape, input.DType) : null,
                weight is { RequiresGrad: true } ? TensorData.Create(dGamma, [c], weight.DType) : null,
                bias is { RequiresGrad: true } ? TensorData.Create(dBeta, [c], bias.DType) : null,
            ];
        });
    }

    // running ← (1 − momentum)·running + momentum·batch, with the unbiased variance (Bessel's correction).
    private static void UpdateRunningStats(Tensor runningMean, Tensor runningVar, double[] mean, double[] variance,
        int count, double momentum)
    {
        var rm = TensorData.ReadDoubles(runningMean, "running_mean");
        var rv = TensorData.ReadDoubles(runningVar, "running_var");
        for (int ch = 0; ch < mean.Length; ch++)
        {
            rm[ch] = (1 - momentum) * rm[ch] + momentum * mean[ch];
            rv[ch] = (1 - momentum) * rv[ch] + momentum * variance[ch] * count / (count - 1);
        }
        using (Torch.NoGrad())
        {
            runningMean.Copy_(TensorData.Create(rm, runningMean.Shape, runningMean.DType));
            runningVar.Copy_(TensorData.Create(rv, runningVar.Shape, runningVar.DType));
        }
    }

    // Visits the flat indices of channel `ch` in (N, C, L) row-major layout.
    private static void ForChannel(int ch, int n, int c, int l, Action<int> visit)
    {
        for (int b = 0; b < n; b++)
        {
            int start = (b * c + ch) * l;
            for (int k = 0; k < l; k++) visit(start + k);
        }
    }
}
