using System.Globalization;

namespace Kindling.Data;

/// <summary>A column of numbers (pandas float64): NaN marks a missing value.</summary>
public sealed class NumericColumn : Column
{
    readonly double[] _values;

    /// <summary>Wraps <paramref name="values"/> (not copied); NaN marks a missing value.</summary>
    public NumericColumn(string name, double[] values) : base(name) => _values = values;

    /// <inheritdoc/>
    public override ColumnKind Kind => ColumnKind.Numeric;

    /// <inheritdoc/>
    public override int Length => _values.Length;

    /// <summary>The values, NaN where missing.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The storage itself, for the data layer's loops that cannot hold a span (parallel ones).</summary>
    internal double[] Array => _values;

    /// <summary>The value of row <paramref name="row"/> (NaN if missing).</summary>
    public double this[int row] => _values[row];

    /// <inheritdoc/>
    public override bool IsMissing(int row) => double.IsNaN(_values[row]);

    /// <inheritdoc/>
    public override int MissingCount
    {
        get
        {
            int n = 0;
            foreach (double v in _values) if (double.IsNaN(v)) n++;
            return n;
        }
    }

    /// <inheritdoc/>
    public override string Format(int row) =>
        IsMissing(row) ? "" : _values[row].ToString("R", CultureInfo.InvariantCulture);

    internal override Column Take(ReadOnlySpan<int> rows)
    {
        var taken = new double[rows.Length];
        for (int i = 0; i < rows.Length; i++) taken[i] = _values[rows[i]];
        return new NumericColumn(Name, taken);
    }

    internal override Column Rename(string name) => new NumericColumn(name, _values);
}
