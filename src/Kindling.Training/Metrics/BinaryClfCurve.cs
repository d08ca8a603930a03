// scikit-learn 1.2's _binary_clf_curve (sklearn/metrics/_ranking.py), the counting under roc_curve and
// precision_recall_curve.
namespace Kindling.Training.Metrics;

/// <summary>Cumulative false and true positives when every sample scoring at least each distinct score is called
/// positive, the distinct scores taken in decreasing order.</summary>
internal static class BinaryClfCurve
{
    /// <returns>fps[i] and tps[i] among the samples scoring ≥ thresholds[i]; thresholds decrease.</returns>
    public static (double[] Fps, double[] Tps, double[] Thresholds) Count(ReadOnlySpan<bool> positive, ReadOnlySpan<double> score)
    {
        if (positive.Length != score.Length)
        {
            throw new ArgumentException($"yTrue has {positive.Length} samples but yScore has {score.Length}; they must match.", nameof(score));
        }

        if (score.Length == 0)
        {
            throw new ArgumentException("yTrue is empty: a curve needs at least one sample.", nameof(positive));
        }

        foreach (double s in score)
        {
            if (!double.IsFinite(s))
            {
                throw new ArgumentException($"yScore holds {s}: scores must be finite.", nameof(score));
            }
        }

        int n = score.Length;
        // NumPy's argsort(kind="mergesort")[::-1]: decreasing score, tied samples in reverse order.
        int[] order = Enumerable.Range(0, n).ToArray();
        double[] keys = score.ToArray();
        Array.Sort(order, (a, b) =>
        {
            int byScore = keys[b].CompareTo(keys[a]);
            return byScore != 0 ? byScore : b.CompareTo(a);
        });
        var fps = new List<double>();
        var tps = new List<double>();
        var thresholds = new List<double>();
        double tp = 0;
        for (int k = 0; k < n; k++)
        {
            if (positive[order[k]])
            {
                tp++;
            }

            if (k == n - 1 || keys[order[k + 1]] != keys[order[k]])
            {
                tps.Add(tp);
                fps.Add(1 + k - tp);
                thresholds.Add(keys[order[k]]);
            }
        }

        return ([.. fps], [.. tps], [.. thresholds]);
    }
}
