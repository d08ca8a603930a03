// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.roc_curve.html
// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.precision_recall_curve.html
// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.average_precision_score.html
namespace Kindling.Training.Metrics;

public static partial class ClassificationMetrics
{
    /// <summary>The ROC curve of a binary problem (scikit-learn's <c>roc_curve</c>): <paramref name="yScore"/> is the
    /// score of class 1, <paramref name="yTrue"/> holds 0 and 1.</summary>
    /// <exception cref="ArgumentException">Only one class occurs in <paramref name="yTrue"/> (a rate would be 0/0).</exception>
    public static RocPoints RocCurvePoints(int[] yTrue, double[] yScore)
    {
        ClassLabels.CheckPair(yTrue, yScore.Select(_ => 0).ToArray(), nameof(yScore));
        ClassLabels.CheckRange(yTrue, 2, nameof(yTrue));
        var (fps, tps, thresholds) = BinaryClfCurve.Count(yTrue.Select(y => y == 1).ToArray(), yScore);
        if (tps[^1] == 0 || fps[^1] == 0)
        {
            throw new ArgumentException(RocCurve.OneClassMessage, nameof(yTrue));
        }

        // drop_intermediate: keep the ends and every point where the curve bends.
        var keep = new List<int>();
        for (int i = 0; i < fps.Length; i++)
        {
            bool end = i == 0 || i == fps.Length - 1;
            if (fps.Length <= 2 || end
                || fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0)
            {
                keep.Add(i);
            }
        }

        double fpMax = fps[^1], tpMax = tps[^1];
        double[] fpr = [0.0, .. keep.Select(i => fps[i] / fpMax)];
        double[] tpr = [0.0, .. keep.Select(i => tps[i] / tpMax)];
        double[] t = [thresholds[keep[0]] + 1, .. keep.Select(i => thresholds[i])];
        return new RocPoints(fpr, tpr, t);
    }

    /// <summary>The precision-recall curve of a binary problem (scikit-learn's <c>precision_recall_curve</c>):
    /// a score ≥ threshold counts as positive; a 0/0 precision is 0 and, with no positive sample, recall is 1.</summary>
    public static PrecisionRecallPoints PrecisionRecallCurve(int[] yTrue, double[] yScore)
    {
        ClassLabels.CheckPair(yTrue, yScore.Select(_ => 0).ToArray(), nameof(yScore));
        ClassLabels.CheckRange(yTrue, 2, nameof(yTrue));
        var (fps, tps, thresholds) = BinaryClfCurve.Count(yTrue.Select(y => y == 1).ToArray(), yScore);
        int m = tps.Length;
        var precision = new double[m + 1];
        var recall = new double[m + 1];
        var t = new double[m];
        for (int i = 0; i < m; i++)
        {
            int j = m - 1 - i;   // reversed, so recall decreases
            double predicted = tps[j] + fps[j];
            precision[i] = predicted != 0 ? tps[j] / predicted : 0.0;
            recall[i] = tps[^1] == 0 ? 1.0 : tps[j] / tps[^1];
            t[i] = thresholds[j];
        }

        precision[m] = 1.0;
        recall[m] = 0.0;
        return new PrecisionRecallPoints(precision, recall, t);
    }

    /// <summary>Average precision (scikit-learn's <c>average_precision_score</c>): the step-wise sum
    /// Σ (Rₙ − Rₙ₋₁) Pₙ over the precision-recall curve, not the trapezoid.</summary>
    public static double AveragePrecisionScore(int[] yTrue, double[] yScore)
    {
        PrecisionRecallPoints pr = PrecisionRecallCurve(yTrue, yScore);
        var terms = new double[pr.Recall.Length - 1];
        for (int i = 0; i < terms.Length; i++)
        {
            terms[i] = (pr.Recall[i + 1] - pr.Recall[i]) * pr.Precision[i];
        }

        return -PairwiseSum.Sum<double>(terms);
    }

    /// <summary>The threshold with the best F1 of class 1 among the precision-recall curve's thresholds (every
    /// distinct score, the rule being score ≥ threshold); on a tie, the lowest such threshold (NumPy's argmax).</summary>
    public static ThresholdChoice F1BestThreshold(int[] yTrue, double[] yScore)
    {
        PrecisionRecallPoints pr = PrecisionRecallCurve(yTrue, yScore);
        int best = 0;
        double bestF1 = double.NegativeInfinity;
        for (int i = 0; i < pr.Thresholds.Length; i++)
        {
            double p = pr.Precision[i], r = pr.Recall[i];
            double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0.0;
            if (f1 > bestF1)
            {
                (best, bestF1) = (i, f1);
            }
        }

        return new ThresholdChoice(pr.Thresholds[best], bestF1);
    }
}
