namespace Kindling.Data;

/// <summary>Per-column report of a <see cref="Frame"/>: the data behind <c>kindling inspect</c>.</summary>
public static class Schema
{
    /// <summary>How many most frequent values a summary lists.</summary>
    public const int TopCount = 5;

    /// <summary>One summary per column, in file order.</summary>
    public static IReadOnlyList<ColumnSummary> Describe(Frame frame) => frame.Columns.Select(Describe).ToArray();

    /// <summary>The summary of one column. Numbers in <see cref="ColumnSummary.Top"/> are formatted invariantly.</summary>
    public static ColumnSummary Describe(Column column)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int missing = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        for (int i = 0; i < column.Length; i++)
        {
            if (column.IsMissing(i)) { missing++; continue; }
            if (column is NumericColumn numeric)
            {
                double v = numeric[i];
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                sum += v;
            }
            var key = column.Format(i);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        int count = column.Length - missing;
        bool stats = column.Kind == ColumnKind.Numeric && count > 0;
        var top = counts
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(TopCount)
            .Select(kv => new ValueCount(kv.Key, kv.Value))
            .ToArray();
        return new ColumnSummary(column.Name, column.Kind, count, missing, counts.Count,
            stats ? min : null, stats ? max : null, stats ? sum / count : null, top);
    }
}
