// https://pytorch.org/docs/1.13/generated/torch.nn.functional.batch_norm.html
namespace Kindling.Nn;

public static partial class Functional
{
    /// <summary>Batch normalisation over (N, C) or (N, C, L) input, as <c>F.batch_norm</c>.</summary>
    /// <param name="input">(N, C) or (N, C, L).</param>
    /// <param name="runningMean">(C) running mean; updated in place when <paramref name="training"/>. May be null only when training.</param>
    /// <param name="runningVar">(C) running (unbiased) variance; updated in place when <paramref name="training"/>.</param>
    /// <param name="weight">(C) scale γ, or null for 1.</param>
    /// <param name="bias">(C) shift β, or null for 0.</param>
    /// <param name="training">True: normalise with the batch's statistics (biased variance) and update the running ones.</param>
    /// <param name="momentum">Weight of the new batch in the running statistics.</param>
    /// <param name="eps">Added to the variance for numerical stability.</param>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null,
        Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim is not (2 or 3))
            throw new ArgumentException($"batch_norm expects 2-D (N, C) or 3-D (N, C, L) input, got shape {TensorData.Format(input.Shape)}.", nameof(input));
        int c = input.Size(1);
        Check(runningMean, c, "running_mean");
        Check(runningVar, c, "running_var");
        Check(weight, c, "weight");
        Check(bias, c, "bias");
        if (!training && (runningMean is null || runningVar is null))
            throw new ArgumentException("batch_norm in evaluation mode needs running_mean and running_var.", nameof(runningMean));
        return BatchNormFunction.Apply(input, runningMean, runningVar, weight, bias, training, momentum, eps);
    }

    private static void Check(Tensor? t, int channels, string name)
    {
        if (t is not null && (t.Dim != 1 || t.Size(0) != channels))
            throw new ArgumentException($"batch_norm: {name} should contain {channels} elements (one per channel), got shape {TensorData.Format(t.Shape)}.", name);
    }
}
