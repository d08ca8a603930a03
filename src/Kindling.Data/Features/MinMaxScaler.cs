namespace Kindling.Data;

/// <summary>
/// Rescales each feature to [0, 1] as scikit-learn's <c>MinMaxScaler</c>: y = x·scale + min with
/// scale = 1 / (max − min) and min = −dataMin·scale; a constant feature (range 0) keeps scale 1.
/// https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.MinMaxScaler.html
/// </summary>
public sealed class MinMaxScaler
{
    internal MinMaxScaler(double[] dataMin, double[] dataMax, double[] scale, double[] min)
    {
        DataMinValues = dataMin;
        DataMaxValues = dataMax;
        ScaleValues = scale;
        MinValues = min;
    }

    internal double[] DataMinValues { get; }
    internal double[] DataMaxValues { get; }
    internal double[] ScaleValues { get; }
    internal double[] MinValues { get; }

    /// <summary>Per-feature minimum seen in fit (sklearn <c>data_min_</c>).</summary>
    public IReadOnlyList<double> DataMin => DataMinValues;

    /// <summary>Per-feature maximum seen in fit (sklearn <c>data_max_</c>).</summary>
    public IReadOnlyList<double> DataMax => DataMaxValues;

    /// <summary>Per-feature multiplier (sklearn <c>scale_</c>).</summary>
    public IReadOnlyList<double> Scale => ScaleValues;

    /// <summary>Per-feature offset added after scaling (sklearn <c>min_</c>).</summary>
    public IReadOnlyList<double> Min => MinValues;

    /// <summary>Fits on the columns of <paramref name="x"/> (rows × features; no NaN).</summary>
    public static MinMaxScaler Fit(double[,] x) => Fit(Matrix.Columns(x));

    /// <summary>Transforms <paramref name="x"/> (rows × features) into a new matrix.</summary>
    public double[,] Transform(double[,] x) => Matrix.Map(x, (j, v) => Apply(j, v));

    internal static MinMaxScaler Fit(IReadOnlyList<double[]> columns)
    {
        int d = columns.Count;
        double[] lo = new double[d], hi = new double[d], scale = new double[d], min = new double[d];
        for (int j = 0; j < d; j++) FitColumn(columns[j], out lo[j], out hi[j], out scale[j], out min[j]);
        return new MinMaxScaler(lo, hi, scale, min);
    }

    /// <summary>One feature's data minimum and maximum, scale and offset (no NaN in <paramref name="x"/>).</summary>
    internal static void FitColumn(double[] x, out double lo, out double hi, out double scale, out double min)
    {
        lo = x.Min();
        hi = x.Max();
        double range = hi - lo;
        // sklearn's _handle_zeros_in_scale: a range below 10·eps counts as zero.
        if (range < 10 * Matrix.Eps) range = 1.0;
        scale = 1.0 / range;
        min = 0.0 - lo * scale;
    }

    internal double Apply(int feature, double x) => x * ScaleValues[feature] + MinValues[feature];
}
