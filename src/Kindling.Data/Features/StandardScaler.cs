namespace Kindling.Data;

/// <summary>
/// Standardises each feature: z = (x − mean) / scale, as scikit-learn's <c>StandardScaler</c>:
/// population variance (divide by n), and a feature whose variance is within rounding error of
/// zero keeps scale 1 (it is centred, not blown up).
/// https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.StandardScaler.html
/// </summary>
public sealed partial class StandardScaler
{
    internal StandardScaler(double[] mean, double[] var, double[] scale, long samplesSeen)
    {
        MeanValues = mean;
        VarValues = var;
        ScaleValues = scale;
        SamplesSeen = samplesSeen;
    }

    internal double[] MeanValues { get; }
    internal double[] VarValues { get; }
    internal double[] ScaleValues { get; }

    /// <summary>Per-feature mean (sklearn <c>mean_</c>).</summary>
    public IReadOnlyList<double> Mean => MeanValues;

    /// <summary>Per-feature population variance (sklearn <c>var_</c>).</summary>
    public IReadOnlyList<double> Var => VarValues;

    /// <summary>Per-feature divisor: √var, or 1 for a constant feature (sklearn <c>scale_</c>).</summary>
    public IReadOnlyList<double> Scale => ScaleValues;

    /// <summary>Rows the scaler was fitted on (sklearn <c>n_samples_seen_</c>).</summary>
    public long SamplesSeen { get; }

    /// <summary>Fits on the columns of <paramref name="x"/> (rows × features; no NaN).</summary>
    public static StandardScaler Fit(double[,] x) => Fit(Matrix.Columns(x));

    /// <summary>Transforms <paramref name="x"/> (rows × features) into a new matrix.</summary>
    public double[,] Transform(double[,] x) => Matrix.Map(x, (j, v) => Apply(j, v));

    internal static StandardScaler Fit(IReadOnlyList<double[]> columns)
    {
        int d = columns.Count;
        var mean = new double[d];
        var var = new double[d];
        var scale = new double[d];
        long n = d == 0 ? 0 : columns[0].Length;
        for (int j = 0; j < d; j++) FitColumn(columns[j], out mean[j], out var[j], out scale[j]);
        return new StandardScaler(mean, var, scale, n);
    }

    /// <summary>One feature's mean, population variance and scale (no NaN in <paramref name="x"/>).</summary>
    internal static void FitColumn(double[] x, out double mean, out double var, out double scale)
    {
        (mean, var) = Moments(x);
        scale = IsConstant(var, mean, x.Length) ? 1.0 : Math.Sqrt(var);
    }

    internal double Apply(int feature, double x) => (x - MeanValues[feature]) / ScaleValues[feature];

    // Two-pass mean and variance with the compensating term (Chan, Golub & LeVeque), as sklearn's
    // _incremental_mean_and_var computes them for a first batch: var = (Σ(x−m)² − (Σ(x−m))²/n) / n.
    static (double Mean, double Var) Moments(double[] x)
    {
        double sum = 0;
        foreach (double v in x) sum += v;
        double mean = sum / x.Length;
        double correction = 0, squares = 0;
        foreach (double v in x)
        {
            double t = v - mean;
            correction += t;
            squares += t * t;
        }
        return (mean, (squares - correction * correction / x.Length) / x.Length);
    }

    // sklearn's _is_constant_feature: the variance is below the error bound of the two-pass algorithm.
    static bool IsConstant(double var, double mean, long n)
    {
        double bound = n * Matrix.Eps * var + Math.Pow(n * mean * Matrix.Eps, 2);
        return var <= bound;
    }
}
