namespace Kindling.Data;

/// <summary>Standardises a regression target: z = (y − mean) / scale, fitted on the training rows as scikit-learn's
/// <c>StandardScaler</c> fitted on <c>y.reshape(-1, 1)</c> (population variance; a constant target keeps scale 1).
/// Training fits the scaled target; predictions are turned back into the target's units by <see cref="InverseTransform"/>,
/// as <c>TransformedTargetRegressor</c> does. <see cref="Identity"/> is <c>--target-scaling none</c>.</summary>
public sealed class TargetScaler
{
    /// <summary>The training rows' mean (0 for <see cref="Identity"/>).</summary>
    public double Mean { get; }

    /// <summary>The divisor: the population standard deviation, or 1 (constant target, or <see cref="Identity"/>).</summary>
    public double Scale { get; }

    /// <summary>Whether this scaler standardises (false: the identity).</summary>
    public bool IsStandard { get; }

    /// <summary>Restores a saved scaler.</summary>
    /// <exception cref="ArgumentException">A non-finite mean, or a scale that is not a positive finite number.</exception>
    public TargetScaler(bool standard, double mean, double scale)
    {
        if (!double.IsFinite(mean)) throw new ArgumentException($"the target scaler's mean must be finite, got {mean}");
        if (!(scale > 0) || !double.IsFinite(scale)) throw new ArgumentException($"the target scaler's scale must be a positive number, got {scale}");
        if (!standard && (mean != 0 || scale != 1)) throw new ArgumentException("an identity target scaler has mean 0 and scale 1");
        (IsStandard, Mean, Scale) = (standard, mean, scale);
    }

    /// <summary>No scaling.</summary>
    public static TargetScaler Identity { get; } = new(false, 0, 1);

    /// <summary>Fits on <paramref name="y"/> at <paramref name="rows"/> (the training rows; no NaN).</summary>
    public static TargetScaler FitStandard(ReadOnlySpan<double> y, ReadOnlySpan<int> rows)
    {
        if (rows.Length == 0) throw new ArgumentException("no training rows to fit the target scaler on");
        var values = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++) values[i] = y[rows[i]];
        StandardScaler.FitColumn(values, out double mean, out _, out double scale);
        return new TargetScaler(true, mean, scale);
    }

    /// <summary>(y − mean) / scale.</summary>
    public double Transform(double y) => (y - Mean) / Scale;

    /// <summary>z · scale + mean (sklearn's <c>inverse_transform</c>: multiply, then add).</summary>
    public double InverseTransform(double z) => (z * Scale) + Mean;
}
