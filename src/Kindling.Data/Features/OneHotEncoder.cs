namespace Kindling.Data;

/// <summary>
/// One 0/1 feature per category, as scikit-learn's <c>OneHotEncoder(handle_unknown="infrequent_if_exist")</c>:
/// categories are the sorted distinct training labels (ordinal order, like <c>np.unique</c>). With
/// <c>max_categories</c> or <c>min_frequency</c>, the rare categories are grouped into one trailing "infrequent"
/// feature (<c>{column}_infrequent_sklearn</c>) that also takes any label unseen in training; a column without an
/// infrequent group encodes an unseen label as all zeros (as <c>handle_unknown="ignore"</c>).
/// https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.OneHotEncoder.html
/// </summary>
public sealed class OneHotEncoder
{
    readonly Dictionary<string, int>[] _lookup;

    internal OneHotEncoder(string[][] categories, bool[]? infrequent = null)
    {
        CategoryValues = categories;
        InfrequentFlags = infrequent ?? new bool[categories.Length];
        _lookup = categories.Select(c =>
        {
            var d = new Dictionary<string, int>(c.Length, StringComparer.Ordinal);
            for (int k = 0; k < c.Length; k++) d[c[k]] = k;
            return d;
        }).ToArray();
    }

    /// <summary>The frequent categories of each column, sorted (the infrequent ones are not kept: they, and any
    /// unseen label, go to the infrequent feature).</summary>
    internal string[][] CategoryValues { get; }

    internal bool[] InfrequentFlags { get; }

    /// <summary>The categories of each input column that get their own feature, sorted (sklearn <c>categories_</c>
    /// less <c>infrequent_categories_</c>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Categories => CategoryValues;

    /// <summary>Whether each column has a trailing infrequent feature (sklearn <c>infrequent_categories_[j] is not None</c>).</summary>
    public IReadOnlyList<bool> HasInfrequent => InfrequentFlags;

    /// <summary>Number of output features (the sum of the category counts, plus one per infrequent group).</summary>
    public int FeatureCount => Enumerable.Range(0, CategoryValues.Length).Sum(Width);

    /// <summary>Output features of column <paramref name="column"/>.</summary>
    public int Width(int column) => CategoryValues[column].Length + (InfrequentFlags[column] ? 1 : 0);

    /// <summary>Fits on text columns given as rows × columns (no missing labels).</summary>
    /// <param name="x">The labels.</param>
    /// <param name="maxCategories">sklearn <c>max_categories</c>: at most this many features per column, the
    /// infrequent one included (null: no limit).</param>
    /// <param name="minFrequency">sklearn <c>min_frequency</c>: a category seen fewer times is infrequent; a value
    /// below 1 is a fraction of the rows (null: none).</param>
    public static OneHotEncoder Fit(string[,] x, int? maxCategories = null, double? minFrequency = null)
    {
        var columns = new string[x.GetLength(1)][];
        for (int j = 0; j < columns.Length; j++)
            columns[j] = Enumerable.Range(0, x.GetLength(0)).Select(i => x[i, j]).ToArray();
        return Fit(columns, maxCategories, minFrequency);
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
                int k = FeatureOf(j, x[i, j]);
                if (k >= 0) y[i, offset + k] = 1;
                offset += Width(j);
            }
        }
        return y;
    }

    internal static OneHotEncoder Fit(IReadOnlyList<string[]> columns, int? maxCategories = null, double? minFrequency = null)
    {
        CheckOptions(maxCategories, minFrequency);
        var categories = new string[columns.Count][];
        var infrequent = new bool[columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var label in columns[j]) counts[label] = counts.GetValueOrDefault(label) + 1;
            var sorted = counts.Keys.Order(StringComparer.Ordinal).ToArray();
            var rare = InfrequentCategories.Mask(Array.ConvertAll(sorted, c => counts[c]), columns[j].Length, maxCategories, minFrequency);
            categories[j] = sorted.Where((_, k) => !rare[k]).ToArray();
            infrequent[j] = categories[j].Length < sorted.Length;
        }
        return new OneHotEncoder(categories, infrequent);
    }

    /// <summary>sklearn's parameter checks: max_categories ≥ 1; min_frequency an integer ≥ 1 or a fraction in (0, 1).</summary>
    internal static void CheckOptions(int? maxCategories, double? minFrequency)
    {
        if (maxCategories is < 1) throw new ArgumentOutOfRangeException(nameof(maxCategories), maxCategories, "max_categories must be at least 1");
        if (minFrequency is double f && !(f > 0 && f < 1 || f >= 1 && f == Math.Floor(f) && f <= int.MaxValue))
            throw new ArgumentOutOfRangeException(nameof(minFrequency), minFrequency, "min_frequency must be a count ≥ 1 or a fraction in (0, 1)");
    }

    /// <summary>The category index of <paramref name="label"/> in column <paramref name="column"/>, or −1 if it has
    /// no feature of its own (unseen, or grouped as infrequent).</summary>
    internal int IndexOf(int column, string label) => _lookup[column].TryGetValue(label, out int k) ? k : -1;

    /// <summary>The feature (within the column's block) that <paramref name="label"/> sets: its category, else the
    /// infrequent feature if the column has one, else −1 (all zeros).</summary>
    internal int FeatureOf(int column, string label) =>
        _lookup[column].TryGetValue(label, out int k) ? k : InfrequentFlags[column] ? CategoryValues[column].Length : -1;
}
