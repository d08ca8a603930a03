namespace Kindling.Data;

/// <summary>
/// One 0/1 feature per category, as scikit-learn's <c>OneHotEncoder(handle_unknown="ignore")</c>:
/// categories are the sorted distinct training labels (ordinal order, like <c>np.unique</c>), and a
/// label unseen in training encodes as all zeros.
/// https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.OneHotEncoder.html
/// </summary>
public sealed class OneHotEncoder
{
    readonly Dictionary<string, int>[] _lookup;

    internal OneHotEncoder(string[][] categories)
    {
        CategoryValues = categories;
        _lookup = categories.Select(c =>
        {
            var d = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int k = 0; k < c.Length; k++) d[c[k]] = k;
            return d;
        }).ToArray();
    }

    internal string[][] CategoryValues { get; }

    /// <summary>The categories of each input column, sorted (sklearn <c>categories_</c>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories => CategoryValues;

    /// <summary>Number of output features (the sum of the category counts).</summary>
    public int FeatureCount => CategoryValues.Sum(c => c.Length);

    /// <summary>Fits on text columns given as rows × columns (no missing labels).</summary>
    public static OneHotEncoder Fit(string[,] x)
    {
        var columns = new string[x.GetLength(1)][];
        for (int j = 0; j < columns.Length; j++)
            columns[j] = Enumerable.Range(0, x.GetLength(0)).Select(i => x[i, j]).ToArray();
        return Fit(columns);
    }

    /// <summary>Encodes rows × columns of labels into rows × <see cref="FeatureCount"/>.</summary>
    public double[,] Transform(string[,] x)
    {
        var y = new double[x.GetLength(0), FeatureCount];
        for (int i = 0; i < x.GetLength(0); i++)
        {
            int offset = 0;
            for (int j = 0; j < CategoryValues.Length; j++)
            {
                int k = IndexOf(j, x[i, j]);
                if (k >= 0) y[i, offset + k] = 1;
                offset += CategoryValues[j].Length;
            }
        }
        return y;
    }

    internal static OneHotEncoder Fit(IReadOnlyList<string[]> columns) =>
        new(columns.Select(c => c.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()).ToArray());

    /// <summary>The category index of <paramref name="label"/> in column <paramref name="column"/>, or −1 if unseen.</summary>
    internal int IndexOf(int column, string label) => _lookup[column].TryGetValue(label, out int k) ? k : -1;
}
