// https://scikit-learn.org/1.2/modules/generated/sklearn.metrics.confusion_matrix.html
namespace Kindling.Training.Metrics;

public static partial class ClassificationMetrics
{
    /// <summary>
    /// Counts C[i, j] of samples whose true label is <c>labels[i]</c> and predicted label is
    /// <c>labels[j]</c>. <paramref name="labels"/> picks and orders the rows and columns (samples
    /// with a label outside it are not counted); null means the sorted union of both arrays.
    /// </summary>
    /// <exception cref="ArgumentException">No label in <paramref name="labels"/> occurs in <paramref name="yTrue"/> (as scikit-learn).</exception>
    public static int[,] ConfusionMatrix(int[] yTrue, int[] yPred, IReadOnlyList<int>? labels = null)
    {
        ClassLabels.CheckPair(yTrue, yPred);
        int[] resolved = ClassLabels.Resolve(labels, yTrue, yPred);
        var index = new Dictionary<int, int>(resolved.Length);
        for (int i = 0; i < resolved.Length; i++)
        {
            index[resolved[i]] = i;
        }

        if (!yTrue.Any(index.ContainsKey))
        {
            throw new ArgumentException(
                $"None of labels [{string.Join(", ", resolved)}] occurs in yTrue; at least one must.", nameof(labels));
        }

        var cm = new int[resolved.Length, resolved.Length];
        for (int s = 0; s < yTrue.Length; s++)
        {
            if (index.TryGetValue(yTrue[s], out int i) && index.TryGetValue(yPred[s], out int j))
            {
                cm[i, j]++;
            }
        }

        return cm;
    }
}
