// The arithmetic behind precision_recall_fscore_support in scikit-learn 1.2:
// https://scikit-learn.org/1.2/modules/model_evaluation.html#precision-recall-and-f-measures
namespace Kindling.Training.Metrics;

public static partial class ClassificationMetrics
{
    /// <summary>Per label: true positives, predictions (tp + fp) and true samples (tp + fn).</summary>
    private static (int[] Tp, int[] Predicted, int[] Support) Counts(int[] yTrue, int[] yPred, int[] labels)
    {
        var index = new Dictionary<int, int>(labels.Length);
        for (int i = 0; i < labels.Length; i++)
        {
            index[labels[i]] = i;
        }

        var tp = new int[labels.Length];
        var predicted = new int[labels.Length];
        var support = new int[labels.Length];
        for (int s = 0; s < yTrue.Length; s++)
        {
            if (index.TryGetValue(yTrue[s], out int t))
            {
                support[t]++;
                if (yPred[s] == yTrue[s])
                {
                    tp[t]++;
                }
            }

            if (index.TryGetValue(yPred[s], out int p))
            {
                predicted[p]++;
            }
        }

        return (tp, predicted, support);
    }

    private static double ZeroDivisionValue(ZeroDivision zeroDivision) => zeroDivision switch
    {
        ZeroDivision.Warn or ZeroDivision.Zero => 0.0,
        ZeroDivision.One => 1.0,
        _ => throw new ArgumentOutOfRangeException(nameof(zeroDivision), zeroDivision, "Unknown zero-division rule."),
    };

    private static double Divide(int numerator, int denominator, double zeroDivisionValue)
        => denominator == 0 ? zeroDivisionValue : (double)numerator / denominator;

    /// <summary>F-β from precision and recall; a zero denominator counts as 1, which makes F = 0.</summary>
    private static double FBeta(double precision, double recall, double beta)
    {
        if (double.IsPositiveInfinity(beta))
        {
            return recall;
        }

        double beta2 = beta * beta;
        double denominator = beta2 * precision + recall;
        if (denominator == 0.0)
        {
            denominator = 1.0;
        }

        return (1 + beta2) * precision * recall / denominator;
    }

    private static void CheckBeta(double beta)
    {
        if (!(beta >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be zero or positive.");
        }
    }

    /// <summary>
    /// Support-weighted means. When no label has a true sample, scikit-learn 1.2 returns the
    /// zero-division value for all three if nothing was predicted either, else (0, value, 0).
    /// </summary>
    private static AveragedScores Weighted(PerClassScores per, double zd)
    {
        int totalSupport = per.Support.Sum();
        if (totalSupport == 0)
        {
            return per.Predicted.Sum() == 0 ? new AveragedScores(zd, zd, zd) : new AveragedScores(0.0, zd, 0.0);
        }

        var weights = Array.ConvertAll(per.Support, s => (double)s);
        double scale = PairwiseSum.Sum<double>(weights);
        return new AveragedScores(
            WeightedSum(per.Precision, weights) / scale,
            WeightedSum(per.Recall, weights) / scale,
            WeightedSum(per.FScore, weights) / scale);
    }

    private static double WeightedSum(double[] values, double[] weights)
    {
        var products = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            products[i] = values[i] * weights[i];
        }

        return PairwiseSum.Sum<double>(products);
    }

    /// <summary>The one label <see cref="Average.Binary"/> reports, with scikit-learn's checks.</summary>
    private static int BinaryPositiveLabel(int[] yTrue, int[] yPred, int posLabel)
    {
        int[] present = ClassLabels.Unique(yTrue, yPred);
        if (present.Length > 2)
        {
            throw new ArgumentException(
                $"Average.Binary needs a binary target but yTrue and yPred hold {present.Length} labels "
                + $"[{string.Join(", ", present)}]; use Average.Micro, Macro or Weighted.", nameof(yTrue));
        }

        if (present.Length == 2 && Array.IndexOf(present, posLabel) < 0)
        {
            throw new ArgumentException(
                $"posLabel={posLabel} is not a valid label; it should be one of [{string.Join(", ", present)}].",
                nameof(posLabel));
        }

        return posLabel;
    }
}
