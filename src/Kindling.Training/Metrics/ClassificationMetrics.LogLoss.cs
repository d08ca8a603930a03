// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.log_loss.html
using System.Numerics;

namespace Kindling.Training.Metrics;

public static partial class ClassificationMetrics
{
    // NumPy's finfo(dtype).eps: the gap between 1 and the next number (not .NET's Epsilon, the
    // smallest subnormal). scikit-learn 1.2's log_loss clips with it by default (eps="auto").
    private const double Float64Epsilon = 2.220446049250313e-16;
    private const float Float32Epsilon = 1.1920929e-07f;

    /// <summary>
    /// Cross-entropy of predicted probabilities, as scikit-learn 1.2's <c>log_loss</c> with
    /// <c>labels=range(C)</c>: each probability is clipped to [eps, 1 − eps], each row is divided
    /// by its sum, and the loss is the mean (or sum) of −log p[i, yTrue[i]].
    /// </summary>
    /// <param name="yTrue">True class indices in [0, C).</param>
    /// <param name="probabilities">(N, C) probabilities; rows need not sum to 1 (they are renormalised).</param>
    /// <param name="eps">Clip bound; null is scikit-learn 1.2's <c>"auto"</c>: the machine epsilon of the
    /// element type (2.2e-16 for double). scikit-learn before 1.2 used 1e-15.</param>
    /// <param name="normalize">Mean over samples when true, sum when false.</param>
    public static double LogLoss(int[] yTrue, double[,] probabilities, double? eps = null, bool normalize = true)
        => LogLossCore(yTrue, probabilities, eps ?? Float64Epsilon, normalize);

    /// <summary>
    /// <see cref="LogLoss(int[], double[,], double?, bool)"/> on single-precision probabilities; clipping
    /// and renormalisation happen in single precision, as NumPy does for a float32 array, and the
    /// default eps is float32's machine epsilon (1.19e-7).
    /// </summary>
    public static double LogLoss(int[] yTrue, float[,] probabilities, double? eps = null, bool normalize = true)
        => LogLossCore(yTrue, probabilities, eps is null ? Float32Epsilon : (float)eps.Value, normalize);

    private static double LogLossCore<T>(int[] yTrue, T[,] probabilities, T eps, bool normalize)
        where T : IFloatingPoint<T>
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        int n = probabilities.GetLength(0), c = probabilities.GetLength(1);
        ClassLabels.CheckScores(yTrue, n, c, nameof(probabilities));
        ClassLabels.CheckRange(yTrue, c, nameof(yTrue));
        T high = T.One - eps;
        var row = new T[c];
        var losses = new double[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < c; j++)
            {
                row[j] = T.Min(T.Max(probabilities[i, j], eps), high);
            }

            T total = PairwiseSum.Sum<T>(row);
            T p = row[yTrue[i]] / total;
            losses[i] = -Math.Log(double.CreateChecked(p));
        }

        double sum = PairwiseSum.Sum<double>(losses);
        return normalize ? sum / n : sum;
    }
}
