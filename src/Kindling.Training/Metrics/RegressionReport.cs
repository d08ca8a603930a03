namespace Kindling.Training.Metrics;

/// <summary>Every regression metric of one set of predictions, in the target's own units (what metrics.json
/// holds for a regression run). Each value equals scikit-learn 1.2's on the same arrays.</summary>
/// <param name="Rows">Rows scored.</param>
/// <param name="R2">R² (<c>r2_score</c>); NaN for a single row.</param>
/// <param name="MeanAbsoluteError"><c>mean_absolute_error</c>.</param>
/// <param name="RootMeanSquaredError"><c>mean_squared_error(squared=False)</c>.</param>
/// <param name="MeanSquaredError"><c>mean_squared_error</c>.</param>
/// <param name="MeanAbsolutePercentageError"><c>mean_absolute_percentage_error</c> (a fraction).</param>
/// <param name="MedianAbsoluteError"><c>median_absolute_error</c>.</param>
/// <param name="ExplainedVariance"><c>explained_variance_score</c>.</param>
public sealed record RegressionReport(int Rows, double R2, double MeanAbsoluteError, double RootMeanSquaredError,
    double MeanSquaredError, double MeanAbsolutePercentageError, double MedianAbsoluteError, double ExplainedVariance)
{
    /// <summary>Scores <paramref name="yPred"/> against <paramref name="yTrue"/>.</summary>
    public static RegressionReport Create(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPred) => new(
        yTrue.Length,
        RegressionMetrics.R2Score(yTrue, yPred),
        RegressionMetrics.MeanAbsoluteError(yTrue, yPred),
        RegressionMetrics.RootMeanSquaredError(yTrue, yPred),
        RegressionMetrics.MeanSquaredError(yTrue, yPred),
        RegressionMetrics.MeanAbsolutePercentageError(yTrue, yPred),
        RegressionMetrics.MedianAbsoluteError(yTrue, yPred),
        RegressionMetrics.ExplainedVarianceScore(yTrue, yPred));
}
