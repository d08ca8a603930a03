namespace Kindling.Data;

/// <summary>Class encodings that scikit-learn's stratified splitters use.</summary>
internal static class LabelClasses
{
    /// <summary><c>np.unique(y, return_inverse=True)</c>: class k is the k-th smallest label.</summary>
    public static (int[] Encoded, int NumClasses) Sorted<T>(IReadOnlyList<T> y) where T : notnull
    {
        var comparer = typeof(T) == typeof(string) ? (IComparer<T>)StringComparer.Ordinal : Comparer<T>.Default;
        var classes = y.Distinct().Order(comparer).ToArray();
        var index = new Dictionary<T, int>(classes.Length);
        for (int k = 0; k < classes.Length; k++) index[classes[k]] = k;
        return (y.Select(v => index[v]).ToArray(), classes.Length);
    }

    /// <summary>StratifiedKFold's encoding: class k is the k-th label by order of first appearance.</summary>
    public static (int[] Encoded, int NumClasses) ByFirstAppearance<T>(IReadOnlyList<T> y) where T : notnull
    {
        var index = new Dictionary<T, int>();
        var encoded = new int[y.Count];
        for (int i = 0; i < y.Count; i++)
        {
            if (!index.TryGetValue(y[i], out int k)) index[y[i]] = k = index.Count;
            encoded[i] = k;
        }
        return (encoded, index.Count);
    }

    public static int[] Counts(int[] encoded, int numClasses)
    {
        var counts = new int[numClasses];
        foreach (int k in encoded) counts[k]++;
        return counts;
    }
}
