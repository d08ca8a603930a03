namespace Kindling.Data;

/// <summary>A column of text labels (pandas object dtype): <c>null</c> marks a missing value.</summary>
public sealed class CategoricalColumn : Column
{
    readonly string?[] _values;

    /// <summary>Wraps <paramref name="values"/> (not copied); <c>null</c> marks a missing value.</summary>
    public CategoricalColumn(string name, string?[] values) : base(name) => _values = values;

    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Categorical;

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <summary>The labels, <c>null</c> where missing.</summary>
    public ReadOnlySpan<string?> Values => _values;

    /// <summary>The storage itself, for the data layer's loops that cannot hold a span (parallel ones).</summary>
    internal string?[] Array => _values;

    /// <summary>The label of row <paramref name="row"/> (<c>null</c> if missing).</summary>
    public string? this[int row] => _values[row];

    /// <inheritdoc/>
    public override bool IsMissing(int row) => _values[row] is null;

    /// <inheritdoc/>
    public override string Format(int row) => _values[row] ?? "";

    internal override Column Take(ReadOnlySpan<int> rows)
    {
        var taken = new string?[rows.Length];
        for (int i = 0; i < rows.Length; i++) taken[i] = _values[rows[i]];
        return new CategoricalColumn(Name, taken);
    }

    internal override Column Rename(string name) => new CategoricalColumn(name, _values);
}
