// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.precision_recall_fscore_support.html
namespace Kindling.Training.Metrics;

public static partial class ClassificationMetrics
{
    /// <summary>
    /// Per-label precision, recall, F-β and support (scikit-learn's <c>average=None</c>).
    /// A 0/0 precision or recall becomes the <paramref name="zeroDivision"/> value; the F-score is
    /// then computed from those values, and is 0 where β²·P + R is 0.
    /// </summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="labels">Labels to report, in order; null means the sorted union of both arrays.
    /// A label may be absent from the data (all its counts are 0).</param>
    /// <param name="beta">Weight of recall in the F-score; F1 when 1; +∞ gives recall.</param>
    /// <param name="zeroDivision">Value of a 0/0 precision or recall.</param>
    public static PerClassScores PrecisionRecallFScoreSupport(
        int[] yTrue, int[] yPred, IReadOnlyList<int>? labels = null, double beta = 1.0,
        ZeroDivision zeroDivision = ZeroDivision.Warn)
    {
        ClassLabels.CheckPair(yTrue, yPred);
        CheckBeta(beta);
        int[] resolved = ClassLabels.Resolve(labels, yTrue, yPred);
        var (tp, predicted, support) = Counts(yTrue, yPred, resolved);
        double zd = ZeroDivisionValue(zeroDivision);
        var precision = new double[resolved.Length];
        var recall = new double[resolved.Length];
        var fScore = new double[resolved.Length];
        for (int i = 0; i < resolved.Length; i++)
        {
            precision[i] = Divide(tp[i], predicted[i], zd);
            recall[i] = Divide(tp[i], support[i], zd);
            fScore[i] = FBeta(precision[i], recall[i], beta);
        }

        return new PerClassScores
        {
            Labels = resolved,
            Precision = precision,
            Recall = recall,
            FScore = fScore,
            Support = support,
            TruePositives = tp,
            Predicted = predicted,
        };
    }

    /// <summary>
    /// Precision, recall and F-β combined by <paramref name="average"/>, as scikit-learn's
    /// <c>precision_recall_fscore_support</c> with an <c>average</c> other than None.
    /// </summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yPred">Predicted labels.</param>
    /// <param name="average">How to combine the labels.</param>
    /// <param name="labels">Labels to include; null means the sorted union of both arrays. Ignored by <see cref="Average.Binary"/>.</param>
    /// <param name="beta">Weight of recall in the F-score.</param>
    /// <param name="zeroDivision">Value of a 0/0 precision or recall.</param>
    /// <param name="posLabel">The positive class for <see cref="Average.Binary"/>.</param>
    /// <exception cref="ArgumentException"><see cref="Average.Binary"/> on a target with more than two labels,
    /// or a <paramref name="posLabel"/> that is not one of two present labels.</exception>
    public static AveragedScores PrecisionRecallFScore(
        int[] yTrue, int[] yPred, Average average, IReadOnlyList<int>? labels = null, double beta = 1.0,
        ZeroDivision zeroDivision = ZeroDivision.Warn, int posLabel = 1)
    {
        ClassLabels.CheckPair(yTrue, yPred);
        if (average == Average.Binary)
        {
            labels = [BinaryPositiveLabel(yTrue, yPred, posLabel)];
        }

        PerClassScores per = PrecisionRecallFScoreSupport(yTrue, yPred, labels, beta, zeroDivision);
        double zd = ZeroDivisionValue(zeroDivision);
        switch (average)
        {
            case Average.Micro:
                int tp = per.TruePositives.Sum();
                double p = Divide(tp, per.Predicted.Sum(), zd);
                double r = Divide(tp, per.Support.Sum(), zd);
                return new AveragedScores(p, r, FBeta(p, r, beta));
            case Average.Weighted:
                return Weighted(per, zd);
            case Average.Binary:
            case Average.Macro:
                return new AveragedScores(
                    PairwiseSum.Mean(per.Precision), PairwiseSum.Mean(per.Recall), PairwiseSum.Mean(per.FScore));
            default:
                throw new ArgumentOutOfRangeException(nameof(average), average, "Unknown average.");
        }
    }

    /// <summary>Precision alone; see <see cref="PrecisionRecallFScore"/>.</summary>
    public static double PrecisionScore(int[] yTrue, int[] yPred, Average average = Average.Binary,
        IReadOnlyList<int>? labels = null, ZeroDivision zeroDivision = ZeroDivision.Warn, int posLabel = 1)
        => PrecisionRecallFScore(yTrue, yPred, average, labels, 1.0, zeroDivision, posLabel).Precision;

    /// <summary>Recall alone; see <see cref="PrecisionRecallFScore"/>.</summary>
    public static double RecallScore(int[] yTrue, int[] yPred, Average average = Average.Binary,
        IReadOnlyList<int>? labels = null, ZeroDivision zeroDivision = ZeroDivision.Warn, int posLabel = 1)
        => PrecisionRecallFScore(yTrue, yPred, average, labels, 1.0, zeroDivision, posLabel).Recall;

    /// <summary>F1 alone; see <see cref="PrecisionRecallFScore"/>.</summary>
    public static double F1Score(int[] yTrue, int[] yPred, Average average = Average.Binary,
        IReadOnlyList<int>? labels = null, ZeroDivision zeroDivision = ZeroDivision.Warn, int posLabel = 1)
        => PrecisionRecallFScore(yTrue, yPred, average, labels, 1.0, zeroDivision, posLabel).FScore;

    /// <summary>F-β alone; see <see cref="PrecisionRecallFScore"/>.</summary>
    public static double FBetaScore(int[] yTrue, int[] yPred, double beta, Average average = Average.Binary,
        IReadOnlyList<int>? labels = null, ZeroDivision zeroDivision = ZeroDivision.Warn, int posLabel = 1)
        => PrecisionRecallFScore(yTrue, yPred, average, labels, beta, zeroDivision, posLabel).FScore;
}
