namespace Kindling.Data;

/// <summary>scikit-learn 1.2's <c>OneHotEncoder._identify_infrequent</c>: which categories of one column are
/// grouped into the infrequent feature.
/// https://github.com/scikit-learn/scikit-learn/blob/1.2.1/sklearn/preprocessing/_encoders.py</summary>
static class InfrequentCategories
{
    /// <summary>A mask over the sorted categories (their training counts in <paramref name="counts"/>).</summary>
    internal static bool[] Mask(int[] counts, int rows, int? maxCategories, double? minFrequency)
    {
        var rare = new bool[counts.Length];
        if (minFrequency is double f)
        {
            // An integer is an absolute count; a fraction is of the rows seen in fit (n_samples * min_frequency).
            double threshold = f >= 1 ? f : rows * f;
            for (int k = 0; k < counts.Length; k++) rare[k] = counts[k] < threshold;
        }
        // As sklearn: the +1 counts the infrequent feature even when nothing is infrequent yet, so a column with
        // exactly max_categories categories keeps max_categories − 1 of them.
        int features = counts.Length - rare.Count(r => r) + 1;
        if (maxCategories is int max && max < features)
        {
            // np.argsort(counts, kind="mergesort")[:-max + 1]: a stable ascending sort, so among equal counts the
            // category sorting first is the one grouped. ([:0] when max is 1: nothing, as sklearn.)
            var ascending = Enumerable.Range(0, counts.Length).OrderBy(k => counts[k]).ToArray();
            int take = Math.Max(0, counts.Length - max + 1);
            if (max == 1) take = 0;
            for (int i = 0; i < take; i++) rare[ascending[i]] = true;
        }
        return rare;
    }
}
