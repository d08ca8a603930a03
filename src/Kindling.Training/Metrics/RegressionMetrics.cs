// https://scikit-learn.org/1.2/modules/model_evaluation.html#regression-metrics
namespace Kindling.Training.Metrics;

/// <summary>scikit-learn 1.2's regression metrics for one output, with its defaults: no sample weights, and
/// <c>force_finite=True</c> for R² and explained variance (a constant target scores 1 when predicted exactly,
/// 0 otherwise). Sums and means follow NumPy's pairwise order (<see cref="PairwiseSum"/>).</summary>
public static class RegressionMetrics
{
    /// <summary><c>r2_score</c>: 1 − Σ(y − ŷ)² / Σ(y − ȳ)²; NaN for fewer than two rows, as scikit-learn.</summary>
    public static double R2Score(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Check(yTrue, yPred);
        if (yTrue.Length < 2) return double.NaN;
        double mean = Mean(yTrue);
        var squared = new double[yTrue.Length];
        for (int i = 0; i < squared.Length; i++) squared[i] = (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
        double numerator = PairwiseSum.Sum<double>(squared);
        for (int i = 0; i < squared.Length; i++) squared[i] = (yTrue[i] - mean) * (yTrue[i] - mean);
        double denominator = PairwiseSum.Sum<double>(squared);
        return Assemble(numerator, denominator);
    }

    /// <summary><c>explained_variance_score</c>: 1 − Var(y − ŷ) / Var(y).</summary>
    public static double ExplainedVarianceScore(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Check(yTrue, yPred);
        var diff = new double[yTrue.Length];
        for (int i = 0; i < diff.Length; i++) diff[i] = yTrue[i] - yPred[i];
        double diffMean = Mean(diff), trueMean = Mean(yTrue);
        var squared = new double[diff.Length];
        for (int i = 0; i < squared.Length; i++) squared[i] = (yTrue[i] - yPred[i] - diffMean) * (yTrue[i] - yPred[i] - diffMean);
        double numerator = Mean(squared);
        for (int i = 0; i < squared.Length; i++) squared[i] = (yTrue[i] - trueMean) * (yTrue[i] - trueMean);
        double denominator = Mean(squared);
        return Assemble(numerator, denominator);
    }

    /// <summary><c>mean_absolute_error</c>.</summary>
    public static double MeanAbsoluteError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Check(yTrue, yPred);
        return Mean(AbsoluteErrors(yTrue, yPred));
    }

    /// <summary><c>mean_squared_error</c>.</summary>
    public static double MeanSquaredError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Check(yTrue, yPred);
        var squared = new double[yTrue.Length];
        for (int i = 0; i < squared.Length; i++) squared[i] = (yTrue[i] - yPred[i]) * (yTrue[i] - yPred[i]);
        return Mean(squared);
    }

    /// <summary><c>mean_squared_error(squared=False)</c>: the root of the mean squared error.</summary>
    public static double RootMeanSquaredError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred) =>
        Math.Sqrt(MeanSquaredError(yTrue, yPred));

    /// <summary><c>mean_absolute_percentage_error</c>: mean of |y − ŷ| / max(|y|, ε), ε the float64 machine epsilon
    /// (2⁻⁵²), so a zero target gives a huge but finite term, as scikit-learn. A fraction, not a percentage.</summary>
    public static double MeanAbsolutePercentageError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Check(yTrue, yPred);
        const double Epsilon = 2.220446049250313e-16;   // np.finfo(np.float64).eps
        var ratios = new double[yTrue.Length];
        for (int i = 0; i < ratios.Length; i++) ratios[i] = Math.Abs(yPred[i] - yTrue[i]) / Math.Max(Math.Abs(yTrue[i]), Epsilon);
        return Mean(ratios);
    }

    /// <summary><c>median_absolute_error</c>: the median of |y − ŷ| (the mean of the middle two for an even count).</summary>
    public static double MedianAbsoluteError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        Check(yTrue, yPred);
        var errors = AbsoluteErrors(yTrue, yPred);
        Array.Sort(errors);
        int n = errors.Length;
        return n % 2 == 1 ? errors[n / 2] : (errors[(n / 2) - 1] + errors[n / 2]) / 2;
    }

    // sklearn's _assemble_r2_explained_variance with force_finite=True.
    static double Assemble(double numerator, double denominator) =>
        numerator == 0 ? 1.0 : denominator == 0 ? 0.0 : 1 - (numerator / denominator);

    static double[] AbsoluteErrors(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        var errors = new double[yTrue.Length];
        for (int i = 0; i < errors.Length; i++) errors[i] = Math.Abs(yPred[i] - yTrue[i]);
        return errors;
    }

    static double Mean(ReadOnlySpan<double> values) => PairwiseSum.Sum(values) / values.Length;

    static void Check(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred)
    {
        if (yTrue.Length != yPred.Length)
            throw new ArgumentException($"y_true has {yTrue.Length} values and y_pred {yPred.Length}; they must match");
        if (yTrue.Length == 0) throw new ArgumentException("no values to score");
    }
}
