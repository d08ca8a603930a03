namespace Kindling.Training.Metrics;

/// <summary>Argument checks and the label set scikit-learn infers (<c>unique_labels</c>).</summary>
internal static class ClassLabels
{
    /// <summary>Throws unless both arrays are non-null, non-empty and of equal length.</summary>
    public static void CheckPair(int[] yTrue, int[] yPred, string predName = "yPred")
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(yPred, predName);
        if (yTrue.Length == 0)
        {
            throw new ArgumentException("yTrue is empty: a metric needs at least one sample.", nameof(yTrue));
        }

        if (yTrue.Length != yPred.Length)
        {
            throw new ArgumentException(
                $"yTrue has {yTrue.Length} samples but {predName} has {yPred.Length}; they must match.", predName);
        }
    }

    /// <summary>Throws unless the score matrix has one row per sample.</summary>
    public static void CheckScores(int[] yTrue, int rows, int columns, string scoresName)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        if (yTrue.Length == 0)
        {
            throw new ArgumentException("yTrue is empty: a metric needs at least one sample.", nameof(yTrue));
        }

        if (rows != yTrue.Length)
        {
            throw new ArgumentException(
                $"yTrue has {yTrue.Length} samples but {scoresName} has {rows} rows; they must match.", scoresName);
        }

        if (columns < 2)
        {
            throw new ArgumentException(
                $"{scoresName} has {columns} column(s); it needs one column per class and at least 2 classes.",
                scoresName);
        }
    }

    /// <summary>Throws unless every label lies in [0, numClasses), naming the first offending sample.</summary>
    public static void CheckRange(int[] y, int numClasses, string name)
    {
        for (int i = 0; i < y.Length; i++)
        {
            if ((uint)y[i] >= (uint)numClasses)
            {
                throw new ArgumentOutOfRangeException(
                    name, $"{name}[{i}] = {y[i]} is not a class index in [0, {numClasses}).");
            }
        }
    }

    /// <summary>The sorted union of the labels in both arrays (scikit-learn's <c>unique_labels</c>).</summary>
    public static int[] Unique(int[] yTrue, int[] yPred)
    {
        var set = new SortedSet<int>(yTrue);
        set.UnionWith(yPred);
        return [.. set];
    }

    /// <summary>The caller's labels, checked to be distinct, or the inferred union when null.</summary>
    public static int[] Resolve(IReadOnlyList<int>? labels, int[] yTrue, int[] yPred)
    {
        if (labels is null)
        {
            return Unique(yTrue, yPred);
        }

        if (labels.Count == 0)
        {
            throw new ArgumentException("labels is empty; pass null to use the labels found in yTrue and yPred.",
                nameof(labels));
        }

        if (new HashSet<int>(labels).Count != labels.Count)
        {
            throw new ArgumentException($"labels [{string.Join(", ", labels)}] contains duplicates.", nameof(labels));
        }

        return [.. labels];
    }

    /// <summary>0, 1, ..., numClasses − 1.</summary>
    public static int[] Range(int numClasses) => Enumerable.Range(0, numClasses).ToArray();
}
