namespace Kindling.Data;

/// <summary>What <c>kindling inspect</c> prints for one column (pandas' <c>describe</c> plus missing and top counts).</summary>
/// <param name="Name">The column name.</param>
/// <param name="Kind">Numeric or categorical, as read (inferred or forced).</param>
/// <param name="Count">Rows with a value.</param>
/// <param name="Missing">Rows without a value.</param>
/// <param name="Distinct">Distinct values among the non-missing rows.</param>
/// <param name="Min">Smallest value (numeric columns with a value; else null).</param>
/// <param name="Max">Largest value (numeric columns with a value; else null).</param>
/// <param name="Mean">Mean of the values (numeric columns with a value; else null).</param>
/// <param name="Top">The most frequent values, most frequent first (ties: ordinal order), at most <see cref="Schema.TopCount"/>.</param>
public sealed record ColumnSummary(
    string Name, ColumnKind Kind, int Count, int Missing, int Distinct,
    double? Min, double? Max, double? Mean, IReadOnlyList<ValueCount> Top);

/// <summary>A value and how many rows hold it.</summary>
public readonly record struct ValueCount(string Value, int Count);
