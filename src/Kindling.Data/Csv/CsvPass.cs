using System.Text;
using nietras.SeparatedValues;

namespace Kindling.Data;

/// <summary>One pass of Sep over the text: header, ragged-row check, and every cell into its <see cref="ColumnBuilder"/>.</summary>
sealed class CsvPass(Stream stream, char delimiter, bool? hasHeader, IReadOnlyDictionary<string, ColumnKind> forced,
    MissingTokens missing, string? source, long lineCount, long byteCount, bool kindsMayBeAbsent = false, CancellationToken cancel = default)
{
    ColumnBuilder[] _columns = [];
    int[] _lines = [];
    int _rows;
    bool _headerRead;

    /// <summary>Reads everything; returns the names of columns that must be re-read as categorical.</summary>
    internal List<string> Run()
    {
        int line = 1;
        try
        {
            using var reader = Csv.OpenSep(stream, delimiter, source);
            bool first = true;
            foreach (var row in reader)
            {
                // Sep counts lines through quoted newlines; a row starts where the previous one ended.
                int rowLine = line;
                line = row.LineNumberToExcl;
                if ((_rows & 4095) == 0) cancel.ThrowIfCancellationRequested();
                if (row.Span.Trim().IsEmpty && row.ColCount == 1) continue;  // blank line, skipped as pandas does
                if (first)
                {
                    first = false;
                    if (Start(row, rowLine)) continue;
                }
                AddRow(row, rowLine);
            }
        }
        catch (DecoderFallbackException e)
        {
            throw new DataException("the file is not valid UTF-8 text past this point; re-save it as UTF-8 CSV", source, line, inner: e);
        }
        if (_columns.Length == 0) throw new DataException("the file is empty", source);
        if (_rows == 0)
            throw new DataException(_headerRead ? "the file has a header row but no data rows" : "the file has no data rows", source);
        return _columns.Where(c => c.Demoted).Select(c => c.Name).ToList();
    }

    internal Frame ToFrame() => new(_columns.Select(c => c.Build()).ToArray(), ColumnBuilder.Exact(_lines, _rows), source);

    // Sets up the columns from the first row; returns true if that row was a header.
    bool Start(SepReader.Row row, int line)
    {
        bool header = hasHeader ?? LooksLikeHeader(row);
        var names = ColumnNames(row, header, source, line);
        if (!kindsMayBeAbsent) CheckForced(names, forced, source, line);
        _columns = names.Select(s => new ColumnBuilder(s, forced.TryGetValue(s, out var k) ? k : null, missing)).ToArray();
        _headerRead = header;
        // Rows to come, at most: the lines left (quoted newlines only make that larger), and the bytes over the
        // columns (a row of n fields takes at least n − 1 separators and a line end).
        long rows = Math.Min(lineCount - (header ? 1 : 0), byteCount / Math.Max(1, names.Length) + 1);
        int capacity = (int)Math.Clamp(rows, 1, Array.MaxLength);
        foreach (var column in _columns) column.Reserve(capacity);
        _lines = new int[capacity];
        return header;
    }

    internal static void CheckForced(string[] names, IReadOnlyDictionary<string, ColumnKind> forced, string? source, int line)
    {
        foreach (var name in forced.Keys)
            if (!names.Contains(name))
                throw new DataException($"a kind was given for column '{name}', which is not in the file; the columns are: {string.Join(", ", names.Select(s => $"'{s}'"))}",
                    source, line, name);
    }

    internal static string[] ColumnNames(SepReader.Row row, bool header, string? source, int line)
    {
        var names = new string[row.ColCount];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < names.Length; j++)
        {
            string name = header ? row[j].Span.Trim().ToString() : $"c{j}";
            if (name.Length == 0) name = $"Unnamed: {j}";  // pandas' name for an empty header cell
            if (!seen.TryAdd(name, j))
                throw new DataException($"duplicate column name '{name}' (columns {seen[name] + 1} and {j + 1}); rename one of them",
                    source, line, name);
            names[j] = name;
        }
        return names;
    }

    internal static bool LooksLikeHeader(SepReader.Row row)
    {
        bool anyText = false;
        for (int j = 0; j < row.ColCount; j++)
        {
            var cell = row[j].Span.Trim();
            if (cell.IsEmpty) continue;
            if (NumberParser.TryParse(cell, out _)) return false;
            anyText = true;
        }
        return anyText;
    }

    void AddRow(SepReader.Row row, int line)
    {
        if (row.ColCount != _columns.Length) throw Ragged(row.ColCount, _columns.Length, _headerRead, delimiter, source, line);
        for (int j = 0; j < _columns.Length; j++) _columns[j].Add(row[j], line, source);
        if (_rows == _lines.Length) Array.Resize(ref _lines, Math.Max(16, _rows * 2));
        _lines[_rows++] = line;
    }

    internal static DataException Ragged(int fields, int expected, bool header, char delimiter, string? source, int line) =>
        new($"this row has {fields} fields but the {(header ? "header has" : "first row has")} {expected}; check for a missing or extra '{Printable(delimiter)}' or an unclosed quote",
            source, line);

    static string Printable(char c) => c == '\t' ? "\\t" : c.ToString();
}
