namespace Kindling.Data;

/// <summary>
/// An in-memory table read from a CSV (what the seed gets from <c>pandas.read_csv</c>): named,
/// typed columns of equal length, plus the source line of every row so that later errors can
/// point back into the file.
/// </summary>
public sealed class Frame
{
    readonly Column[] _columns;
    readonly Dictionary<string, int> _index;
    readonly int[] _lines;

    /// <summary>Builds a frame from columns of equal length; <paramref name="lines"/> gives each row's source line (1-based).</summary>
    /// <exception cref="DataException">Columns differ in length, a name repeats, or there are no columns.</exception>
    public Frame(IReadOnlyList<Column> columns, int[]? lines = null, string? source = null)
    {
        if (columns.Count == 0) throw new DataException("a table needs at least one column", source);
        int rows = columns[0].Length;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < columns.Count; j++)
        {
            if (columns[j].Length != rows)
                throw new DataException($"column '{columns[j].Name}' has {columns[j].Length} rows, expected {rows}", source, column: columns[j].Name);
            if (!_index.TryAdd(columns[j].Name, j))
                throw new DataException($"duplicate column name '{columns[j].Name}' (columns {_index[columns[j].Name] + 1} and {j + 1}); rename one of them", source, column: columns[j].Name);
        }
        if (lines is not null && lines.Length != rows)
            throw new DataException($"{lines.Length} line numbers given for {rows} rows", source);
        _columns = [.. columns];
        _lines = lines ?? Enumerable.Range(1, rows).ToArray();
        Source = source;
    }

    /// <summary>Where the data came from (file path or dataset name), for messages; null if unknown.</summary>
    public string? Source { get; }

    /// <summary>Number of rows.</summary>
    public int RowCount => _lines.Length;

    /// <summary>Number of columns.</summary>
    public int ColumnCount => _columns.Length;

    /// <summary>The columns, in file order.</summary>
    public IReadOnlyList<Column> Columns => _columns;

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> ColumnNames => Array.ConvertAll(_columns, c => c.Name);

    /// <summary>Whether a column of this name exists (names are case-sensitive, as in pandas).</summary>
    public bool Contains(string name) => _index.ContainsKey(name);

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="DataException">No such column; the message lists the columns there are.</exception>
    public Column this[string name] => _index.TryGetValue(name, out int j) ? _columns[j] : throw MissingColumn(name);

    /// <summary>The column at position <paramref name="index"/>.</summary>
    public Column this[int index] => _columns[index];

    /// <summary>The 1-based source line where row <paramref name="row"/> starts.</summary>
    public int LineOf(int row) => _lines[row];

    /// <summary>The source line of every row.</summary>
    public ReadOnlySpan<int> Lines => _lines;

    /// <summary>A new frame without the named columns (pandas <c>drop(columns=...)</c>).</summary>
    /// <exception cref="DataException">A name is not a column.</exception>
    public Frame DropColumns(params IEnumerable<string> names)
    {
        var drop = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!_index.ContainsKey(name)) throw MissingColumn(name);
            drop.Add(name);
        }
        var kept = _columns.Where(c => !drop.Contains(c.Name)).ToArray();
        if (kept.Length == 0) throw new DataException("dropping these columns leaves no columns", Source);
        return new Frame(kept, _lines, Source);
    }

    /// <summary>A new frame holding the given rows in the given order (pandas <c>iloc[rows]</c>), lines kept.</summary>
    public Frame Take(ReadOnlySpan<int> rows)
    {
        var lines = new int[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            if ((uint)rows[i] >= (uint)RowCount)
                throw new ArgumentOutOfRangeException(nameof(rows), $"row {rows[i]} is outside 0..{RowCount - 1}");
            lines[i] = _lines[rows[i]];
        }
        var columns = new Column[_columns.Length];
        for (int j = 0; j < columns.Length; j++) columns[j] = _columns[j].Take(rows);
        return new Frame(columns, lines, Source);
    }

    internal DataException MissingColumn(string name) =>
        new($"no column named '{name}'; the columns are: {string.Join(", ", _columns.Select(c => $"'{c.Name}'"))}", Source, column: name);
}
