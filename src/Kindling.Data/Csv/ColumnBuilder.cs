using nietras.SeparatedValues;

namespace Kindling.Data;

/// <summary>
/// Collects one column while reading. A column not forced either way starts undecided, becomes
/// numeric at its first number or categorical at its first text; a numeric column that later meets
/// text is <see cref="Demoted"/>, and the reader reads the file again with it categorical, so
/// category labels keep their exact text (pandas keeps "1.50", not 1.5, in an object column).
/// Numbers are parsed straight from the field; no string is made for a numeric cell. The storage is
/// sized once from the file's line count (<see cref="Reserve"/>), so a column is neither regrown
/// by doubling nor copied at the end: a 200,000 × 50 file then peaks at its frame's size, not ~2.3×.
/// </summary>
sealed class ColumnBuilder(string name, ColumnKind? forced, MissingTokens missing)
{
    readonly bool _forcedNumeric = forced == ColumnKind.Numeric;
    double[] _numbers = [];
    string?[] _labels = [];
    int _count;
    ColumnKind? _kind = forced;

    internal string Name => name;

    /// <summary>Allocates room for <paramref name="rows"/> cells (an upper bound on the rows to come).</summary>
    internal void Reserve(int rows)
    {
        if (_kind == ColumnKind.Categorical) _labels = new string?[rows];
        else _numbers = new double[rows];
    }

    /// <summary>Set when an inferred-numeric column met text: the pass must be repeated with it categorical.</summary>
    internal bool Demoted { get; private set; }

    internal void Add(SepReader.Col col, int line, string? source)
    {
        ReadOnlySpan<char> trimmed = col.Span.Trim();
        bool isMissing = missing.Contains(trimmed);
        if (_kind == ColumnKind.Categorical)
        {
            AppendLabel(isMissing ? null : col.ToString());
            return;
        }
        if (Demoted) return;
        double value = double.NaN;
        if (!isMissing && !NumberParser.TryParse(trimmed, out value))
        {
            if (_forcedNumeric)
                throw new DataException(
                    $"'{Shorten(col.Span)}' is not a number, but the column was marked numeric; mark it categorical if it holds labels",
                    source, line, name);
            if (_kind is null)
            {
                // First value is text: the column is categorical from here on; earlier cells were all missing.
                _kind = ColumnKind.Categorical;
                _labels = new string?[Math.Max(16, _numbers.Length)];  // as many as were reserved for numbers
                _numbers = [];
                AppendLabel(col.ToString());
            }
            else
            {
                Demoted = true;
                _numbers = [];
            }
            return;
        }
        if (!isMissing) _kind ??= ColumnKind.Numeric;
        AppendNumber(value);
    }

    /// <summary>The finished column: numeric unless it held text (or was forced categorical). The storage moves
    /// into the column (copied only if the reserve overshot, e.g. blank lines) and the builder lets go of it.</summary>
    internal Column Build()
    {
        Column column = _kind == ColumnKind.Categorical
            ? new CategoricalColumn(name, Exact(_labels, _count))
            : new NumericColumn(name, Exact(_numbers, _count));
        _labels = [];
        _numbers = [];
        return column;
    }

    internal static T[] Exact<T>(T[] array, int count) => array.Length == count ? array : array.AsSpan(0, count).ToArray();

    void AppendNumber(double value)
    {
        if (_count == _numbers.Length) Array.Resize(ref _numbers, Math.Max(16, _count * 2));
        _numbers[_count++] = value;
    }

    void AppendLabel(string? value)
    {
        if (_count == _labels.Length) Array.Resize(ref _labels, Math.Max(16, _count * 2));
        _labels[_count++] = value;
    }

    internal static string Shorten(ReadOnlySpan<char> text) =>
        text.Length <= 40 ? text.ToString() : string.Concat(text[..37], "...");
}
