namespace Kindling.Data;

/// <summary>Per-column report of a <see cref="Frame"/>: the data behind <c>kindling inspect</c>.</summary>
public static class Schema
{
    /// <summary>How many most frequent values a summary lists.</summary>
    public const int TopCount = 5;

    /// <summary>One summary per column, in file order (columns are described in parallel).</summary>
    public static IReadOnlyList<ColumnSummary> Describe(Frame frame)
    {
        var summaries = new ColumnSummary[frame.ColumnCount];
        DataThreads.For(summaries.Length, j => summaries[j] = Describe(frame[j]), (long)frame.RowCount * frame.ColumnCount);
        return summaries;
    }

    /// <summary>The summary of one column. Numbers in <see cref="ColumnSummary.Top"/> are formatted invariantly.</summary>
    public static ColumnSummary Describe(Column column)
    {
        if (column is NumericColumn numeric) return NumericSummary.Describe(numeric);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int missing = 0;
        for (int i = 0; i < column.Length; i++)
        {
            if (column.IsMissing(i)) { missing++; continue; }
            var key = column.Format(i);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var top = counts
            .OrderByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(TopCount)
            .Select(kv => new ValueCount(kv.Key, kv.Value))
            .ToArray();
        return new ColumnSummary(column.Name, column.Kind, column.Length - missing, missing, counts.Count, null, null, null, top);
    }
}
