// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.roc_curve.html
// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.auc.html
namespace Kindling.Training.Metrics;

/// <summary>
/// Area under the ROC curve of one binary problem, computed as scikit-learn does: one ROC point
/// per distinct score (tied scores move the curve diagonally, which counts a tied
/// positive/negative pair as half a win), collinear points dropped, then the trapezoid rule.
/// </summary>
internal static class RocCurve
{
    public const string OneClassMessage = "Only one class present in y_true. ROC AUC score is not defined in that case.";

    /// <summary>AUC of <paramref name="score"/> ranking the samples where <paramref name="positive"/> is true.</summary>
    public static double Auc(ReadOnlySpan<bool> positive, ReadOnlySpan<double> score)
    {
        int n = score.Length;
        int[] order = DescendingOrder(score);

        // Cumulative true and false positives at the last sample of each distinct score.
        var tps = new List<double> { 0.0 };
        var fps = new List<double> { 0.0 };
        double tp = 0;
        for (int k = 0; k < n; k++)
        {
            if (positive[order[k]])
            {
                tp++;
            }

            if (k == n - 1 || score[order[k + 1]] != score[order[k]])
            {
                tps.Add(tp);
                fps.Add(1 + k - tp);
            }
        }

        if (tps[^1] == 0 || fps[^1] == 0)
        {
            throw new ArgumentException(OneClassMessage);
        }

        DropCollinear(tps, fps);
        double tpMax = tps[^1], fpMax = fps[^1];
        var areas = new double[tps.Count - 1];
        for (int i = 0; i < areas.Length; i++)
        {
            double dx = fps[i + 1] / fpMax - fps[i] / fpMax;
            areas[i] = dx * (tps[i + 1] / tpMax + tps[i] / tpMax) / 2.0;
        }

        return PairwiseSum.Sum<double>(areas);
    }

    /// <summary>Indices by descending score; as NumPy's reversed stable argsort, ties keep the later sample first.</summary>
    private static int[] DescendingOrder(ReadOnlySpan<double> score)
    {
        int[] order = Enumerable.Range(0, score.Length).ToArray();
        double[] keys = score.ToArray();
        Array.Sort(order, (a, b) =>
        {
            int byScore = keys[b].CompareTo(keys[a]);
            return byScore != 0 ? byScore : b.CompareTo(a);
        });
        return order;
    }

    /// <summary>
    /// scikit-learn's <c>drop_intermediate</c>: keep the first and last points and every point where
    /// the curve bends (a non-zero second difference of fps or tps). Index 0 is the prepended origin,
    /// which scikit-learn adds after dropping, so the test runs on the points after it.
    /// </summary>
    private static void DropCollinear(List<double> tps, List<double> fps)
    {
        int m = tps.Count - 1;
        if (m <= 2)
        {
            return;
        }

        var keptT = new List<double> { 0.0, tps[1] };
        var keptF = new List<double> { 0.0, fps[1] };
        for (int i = 2; i < m; i++)
        {
            bool bends = fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0;
            if (bends)
            {
                keptT.Add(tps[i]);
                keptF.Add(fps[i]);
            }
        }

        keptT.Add(tps[m]);
        keptF.Add(fps[m]);
        tps.Clear();
        tps.AddRange(keptT);
        fps.Clear();
        fps.AddRange(keptF);
    }
}
