// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.accuracy_score.html
// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.balanced_accuracy_score.html
namespace Kindling.Training.Metrics;

/// <summary>
/// Classification metrics with scikit-learn 1.2's definitions and edge cases. Labels are plain
/// integers; where a probability matrix is taken, column j holds class j.
/// </summary>
public static partial class ClassificationMetrics
{
    /// <summary>Fraction of samples whose prediction equals the truth (the count when <paramref name="normalize"/> is false).</summary>
    public static double AccuracyScore(int[] yTrue, int[] yPred, bool normalize = true)
    {
        ClassLabels.CheckPair(yTrue, yPred);
        int correct = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            if (yTrue[i] == yPred[i])
            {
                correct++;
            }
        }

        return normalize ? (double)correct / yTrue.Length : correct;
    }

    /// <summary>
    /// Mean recall over the classes present in <paramref name="yTrue"/>. Classes that occur only in
    /// <paramref name="yPred"/> are left out of the mean, as scikit-learn does (after warning).
    /// With <paramref name="adjusted"/>, chance (1 / classes) maps to 0 and perfect to 1.
    /// </summary>
    public static double BalancedAccuracyScore(int[] yTrue, int[] yPred, bool adjusted = false)
    {
        ClassLabels.CheckPair(yTrue, yPred);
        int[] labels = ClassLabels.Unique(yTrue, yPred);
        int[,] cm = ConfusionMatrix(yTrue, yPred, labels);
        var recalls = new List<double>(labels.Length);
        for (int i = 0; i < labels.Length; i++)
        {
            long trueCount = 0;
            for (int j = 0; j < labels.Length; j++)
            {
                trueCount += cm[i, j];
            }

            if (trueCount > 0)
            {
                recalls.Add((double)cm[i, i] / trueCount);
            }
        }

        double score = PairwiseSum.Mean(recalls.ToArray());
        if (adjusted)
        {
            double chance = 1.0 / recalls.Count;
            score -= chance;
            score /= 1 - chance;
        }

        return score;
    }
}
