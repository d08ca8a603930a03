// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.roc_auc_score.html
namespace Kindling.Training.Metrics;

public static partial class ClassificationMetrics
{
    // np.allclose's defaults, which roc_auc_score uses to check that rows are probabilities.
    private const double AllCloseRelative = 1e-5;
    private const double AllCloseAbsolute = 1e-8;

    /// <summary>
    /// Binary ROC AUC: <paramref name="yScore"/> is the score of class 1, <paramref name="yTrue"/> holds
    /// 0 and 1. Ties count half, by scikit-learn's trapezoid over distinct thresholds.
    /// </summary>
    /// <exception cref="ArgumentException">Only one class occurs in <paramref name="yTrue"/> (AUC undefined, as scikit-learn).</exception>
    public static double RocAucScore(int[] yTrue, double[] yScore)
    {
        ClassLabels.CheckPair(yTrue, yScore.Select(_ => 0).ToArray(), nameof(yScore));
        ClassLabels.CheckRange(yTrue, 2, nameof(yTrue));
        return RocCurve.Auc(yTrue.Select(y => y == 1).ToArray(), yScore);
    }

    /// <summary>
    /// ROC AUC of a (N, C) probability matrix. For C = 2 it is the binary AUC of column 1; for C &gt; 2
    /// it is one-vs-rest (scikit-learn's <c>multi_class="ovr"</c>, <c>labels=range(C)</c>): the AUC of
    /// each column against "that class or not", combined by <paramref name="average"/>
    /// (<see cref="Average.Macro"/> or <see cref="Average.Weighted"/> by class prevalence).
    /// </summary>
    /// <exception cref="ArgumentException">Rows do not sum to 1 (C &gt; 2), or a class has no true sample
    /// (its AUC is undefined: scikit-learn raises too; <see cref="RocAucOneVsRest(int[], double[,])"/> gives the others).</exception>
    public static double RocAucScore(int[] yTrue, double[,] yScore, Average average = Average.Macro)
    {
        ArgumentNullException.ThrowIfNull(yScore);
        int n = yScore.GetLength(0), c = yScore.GetLength(1);
        ClassLabels.CheckScores(yTrue, n, c, nameof(yScore));
        ClassLabels.CheckRange(yTrue, c, nameof(yTrue));
        if (c == 2)
        {
            return RocAucScore(yTrue, Column(yScore, 1));
        }

        if (average is not (Average.Macro or Average.Weighted))
        {
            throw new ArgumentOutOfRangeException(nameof(average), average,
                "Multi-class ROC AUC supports Average.Macro and Average.Weighted.");
        }

        CheckRowsSumToOne(yScore);
        var scores = new double[c];
        var weights = new double[c];
        for (int k = 0; k < c; k++)
        {
            scores[k] = RocCurve.Auc(yTrue.Select(y => y == k).ToArray(), Column(yScore, k));
            weights[k] = yTrue.Count(y => y == k);
        }

        return average == Average.Macro
            ? PairwiseSum.Mean(scores)
            : WeightedSum(scores, weights) / PairwiseSum.Sum<double>(weights);
    }

    /// <inheritdoc cref="RocAucScore(int[], double[,], Average)"/>
    public static double RocAucScore(int[] yTrue, float[,] yScore, Average average = Average.Macro)
        => RocAucScore(yTrue, ToDouble(yScore), average);

    /// <summary>
    /// The one-vs-rest AUC of each class on its own (scikit-learn's <c>roc_auc_score(yTrue == k, yScore[:, k])</c>);
    /// null for a class with no true sample or no other sample, where AUC is undefined.
    /// </summary>
    public static double?[] RocAucOneVsRest(int[] yTrue, double[,] yScore)
    {
        ArgumentNullException.ThrowIfNull(yScore);
        int n = yScore.GetLength(0), c = yScore.GetLength(1);
        ClassLabels.CheckScores(yTrue, n, c, nameof(yScore));
        ClassLabels.CheckRange(yTrue, c, nameof(yTrue));
        var result = new double?[c];
        for (int k = 0; k < c; k++)
        {
            int count = yTrue.Count(y => y == k);
            if (count > 0 && count < n)
            {
                result[k] = RocCurve.Auc(yTrue.Select(y => y == k).ToArray(), Column(yScore, k));
            }
        }

        return result;
    }

    private static void CheckRowsSumToOne(double[,] yScore)
    {
        var row = new double[yScore.GetLength(1)];
        for (int i = 0; i < yScore.GetLength(0); i++)
        {
            for (int j = 0; j < row.Length; j++)
            {
                row[j] = yScore[i, j];
            }

            double sum = PairwiseSum.Sum<double>(row);
            if (!(Math.Abs(1.0 - sum) <= AllCloseAbsolute + AllCloseRelative * Math.Abs(sum)))
            {
                throw new ArgumentException(
                    $"Row {i} of yScore sums to {sum}; multi-class ROC AUC needs probabilities that sum to 1 over classes.",
                    nameof(yScore));
            }
        }
    }

    private static double[] Column(double[,] m, int j)
    {
        var col = new double[m.GetLength(0)];
        for (int i = 0; i < col.Length; i++)
        {
            col[i] = m[i, j];
        }

        return col;
    }

    private static double[,] ToDouble(float[,] m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var d = new double[m.GetLength(0), m.GetLength(1)];
        for (int i = 0; i < d.GetLength(0); i++)
        {
            for (int j = 0; j < d.GetLength(1); j++)
            {
                d[i, j] = m[i, j];
            }
        }

        return d;
    }
}
