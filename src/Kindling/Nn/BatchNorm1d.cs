// https://pytorch.org/docs/1.13/generated/torch.nn.BatchNorm1d.html
namespace Kindling.Nn;

/// <summary>Normalises each channel of (N, C) or (N, C, L) input over the batch, as <c>torch.nn.BatchNorm1d</c>:
/// y = (x − mean) / √(var + eps) · γ + β. Training uses batch statistics and updates the running ones;
/// evaluation mode uses the running statistics.</summary>
public sealed class BatchNorm1d : Module
{
    /// <summary>Creates the layer (γ = 1, β = 0, running mean 0, running variance 1; no random draws).</summary>
    /// <param name="numFeatures">C, the number of channels.</param>
    /// <param name="eps">Added to the variance for numerical stability.</param>
    /// <param name="momentum">Weight of each new batch in the running statistics; null: a cumulative average.</param>
    /// <param name="affine">Whether to learn γ (<c>weight</c>) and β (<c>bias</c>).</param>
    /// <param name="trackRunningStats">Whether to keep running statistics (else batch statistics are used in both modes).</param>
    public BatchNorm1d(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numFeatures);
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        Affine = affine;
        TrackRunningStats = trackRunningStats;
        Weight = RegisterParameter("weight", affine ? new Parameter(Tensor.FromArray(new float[numFeatures], numFeatures)) : null);
        Bias = RegisterParameter("bias", affine ? new Parameter(Tensor.FromArray(new float[numFeatures], numFeatures)) : null);
        if (trackRunningStats)
        {
            RunningMean = RegisterBuffer("running_mean", Tensor.FromArray(new float[numFeatures], numFeatures));
            RunningVar = RegisterBuffer("running_var", Tensor.FromArray(new float[numFeatures], numFeatures));
            NumBatchesTracked = RegisterBuffer("num_batches_tracked", Tensor.FromArray(new long[1]));
        }
        ResetParameters();
    }

    /// <summary>C, the number of channels.</summary>
    public int NumFeatures { get; }

    /// <summary>Added to the variance for numerical stability.</summary>
    public double Eps { get; }

    /// <summary>Weight of each new batch in the running statistics (null: cumulative average).</summary>
    public double? Momentum { get; }

    /// <summary>Whether γ and β are learned.</summary>
    public bool Affine { get; }

    /// <summary>Whether running statistics are kept.</summary>
    public bool TrackRunningStats { get; }

    /// <summary>γ, shape (C), or null when not affine.</summary>
    public Parameter? Weight { get; }

    /// <summary>β, shape (C), or null when not affine.</summary>
    public Parameter? Bias { get; }

    /// <summary>Running mean, shape (C) (buffer <c>running_mean</c>), or null.</summary>
    public Tensor? RunningMean { get; }

    /// <summary>Running unbiased variance, shape (C) (buffer <c>running_var</c>), or null.</summary>
    public Tensor? RunningVar { get; }

    /// <summary>Number of training batches seen, an int64 scalar (buffer <c>num_batches_tracked</c>), or null.</summary>
    public Tensor? NumBatchesTracked { get; }

    /// <summary>Resets the running statistics (mean 0, variance 1, count 0), as <c>reset_running_stats()</c>.</summary>
    public void ResetRunningStats()
    {
        RunningMean?.Zero_();
        RunningVar?.Fill_(1);
        NumBatchesTracked?.Zero_();
    }

    /// <remarks>As PyTorch: running statistics reset, γ = 1, β = 0; no random draws.</remarks>
    public override void ResetParameters()
    {
        ResetRunningStats();
        Weight?.Fill_(1);
        Bias?.Zero_();
    }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim is not (2 or 3))
            throw new ArgumentException($"BatchNorm1d expected 2D or 3D input (got {input.Dim}D input of shape {TensorData.Format(input.Shape)}).", nameof(input));
        if (input.Size(1) != NumFeatures)
            throw new ArgumentException($"BatchNorm1d({NumFeatures}) got input of shape {TensorData.Format(input.Shape)}: dimension 1 must be {NumFeatures}.", nameof(input));
        double factor = Momentum ?? 0;
        if (Training && TrackRunningStats)
        {
            var count = NumBatchesTracked!.Span<long>();
            count[0]++;
            factor = Momentum ?? 1.0 / count[0];   // momentum = None: cumulative moving average
        }
        bool useBatchStats = Training || !TrackRunningStats;
        // Running buffers are null when not tracked, so batch statistics then serve both modes.
        return Functional.BatchNorm(input, RunningMean, RunningVar, Weight, Bias, useBatchStats, factor, Eps);
    }

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"{NumFeatures}, eps={Eps.ToString(System.Globalization.CultureInfo.InvariantCulture)}, " +
        $"momentum={(Momentum is { } m ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None")}, " +
        $"affine={Py(Affine)}, track_running_stats={Py(TrackRunningStats)}";
}
