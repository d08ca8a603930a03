namespace Kindling.Data;

/// <summary>
/// Fills missing category labels before one-hot encoding, as scikit-learn's <c>SimpleImputer</c> on
/// text columns: the most frequent label (ties: the smallest, ordinally — sklearn's Counter + min),
/// or the constant "missing_value".
/// </summary>
public sealed class CategoricalImputer
{
    /// <summary>sklearn's default fill for text columns with <c>strategy="constant"</c>.</summary>
    public const string DefaultFill = "missing_value";

    internal CategoricalImputer(string[] fill) => FillValues = fill;

    internal string[] FillValues { get; }

    /// <summary>The label that replaces a missing one, per column (sklearn <c>statistics_</c>).</summary>
    public IReadOnlyList<string> Fill => FillValues;

    internal static CategoricalImputer Fit(IReadOnlyList<string?[]> columns, bool constant, IReadOnlyList<string> names)
    {
        var fill = new string[columns.Count];
        for (int j = 0; j < columns.Count; j++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var s in columns[j]) if (s is not null) counts[s] = counts.GetValueOrDefault(s) + 1;
            if (counts.Count == 0)
                throw new DataException("every value of this column is missing in the training rows; drop the column", column: names[j]);
            fill[j] = constant ? DefaultFill : counts
                .OrderByDescending(kv => kv.Value)
                .ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .First().Key;
        }
        return new CategoricalImputer(fill);
    }

    internal string Apply(int column, string? label) => label ?? FillValues[column];
}
