// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.top_k_accuracy_score.html
namespace Kindling.Training.Metrics;

public static partial class ClassificationMetrics
{
    /// <summary>
    /// Fraction of samples whose true class is among the <paramref name="k"/> highest scores, as
    /// scikit-learn's <c>top_k_accuracy_score(labels=range(C))</c>. Among tied scores the class with the
    /// larger index ranks first (scikit-learn reverses a stable ascending sort). With C = 2 the rule is
    /// scikit-learn's binary one on column 1: for k = 1 a sample is class 1 when its score exceeds 0.5
    /// (0 when scores lie outside [0, 1]); any k ≥ 2 scores every sample as a hit.
    /// </summary>
    /// <param name="yTrue">True class indices in [0, C).</param>
    /// <param name="yScore">(N, C) scores or probabilities.</param>
    /// <param name="k">How many top classes count as a hit.</param>
    /// <param name="normalize">Fraction when true, count when false.</param>
    public static double TopKAccuracyScore(int[] yTrue, double[,] yScore, int k = 2, bool normalize = true)
    {
        ArgumentNullException.ThrowIfNull(yScore);
        int n = yScore.GetLength(0), c = yScore.GetLength(1);
        ClassLabels.CheckScores(yTrue, n, c, nameof(yScore));
        ClassLabels.CheckRange(yTrue, c, nameof(yTrue));
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        int hits = c == 2 ? BinaryTopKHits(yTrue, yScore, k) : MultiClassTopKHits(yTrue, yScore, k);
        return normalize ? (double)hits / n : hits;
    }

    /// <inheritdoc cref="TopKAccuracyScore(int[], double[,], int, bool)"/>
    public static double TopKAccuracyScore(int[] yTrue, float[,] yScore, int k = 2, bool normalize = true)
        => TopKAccuracyScore(yTrue, ToDouble(yScore), k, normalize);

    private static int BinaryTopKHits(int[] yTrue, double[,] yScore, int k)
    {
        if (k >= 2)
        {
            return yTrue.Length;
        }

        double[] positive = Column(yScore, 1);
        double threshold = positive.Min() >= 0 && positive.Max() <= 1 ? 0.5 : 0.0;
        int hits = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            if ((positive[i] > threshold ? 1 : 0) == yTrue[i])
            {
                hits++;
            }
        }

        return hits;
    }

    private static int MultiClassTopKHits(int[] yTrue, double[,] yScore, int k)
    {
        int c = yScore.GetLength(1);
        int hits = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            // Rank of the true class = classes that come before it: a higher score, or an equal
            // score at a larger index.
            double own = yScore[i, yTrue[i]];
            int ahead = 0;
            for (int j = 0; j < c; j++)
            {
                double s = yScore[i, j];
                if (s > own || (s == own && j > yTrue[i]))
                {
                    ahead++;
                }
            }

            if (ahead < k)
            {
                hits++;
            }
        }

        return hits;
    }
}
