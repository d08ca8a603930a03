using System.Runtime.CompilerServices;
using System.Text;
using csFastFloat;

namespace Kindling.Data;

/// <summary>What <see cref="ChunkParser"/> does with one column's cells.</summary>
enum CellMode : byte
{
    /// <summary>Not stored (a column another pass reads).</summary>
    Skip,

    /// <summary>Parsed to a double; a cell that is text marks the column as text.</summary>
    Number,

    /// <summary>Kept as its exact (unescaped) text; <c>null</c> for a missing token.</summary>
    Label,
}

/// <summary>
/// Parses the records of one chunk of a UTF-8 CSV straight from its bytes into the frame's column arrays (from row
/// <c>rowOffset</c> on), as <see cref="CsvPass"/> reads them through Sep: RFC 4180 quoting, LF or CRLF, blank lines
/// skipped, every row's first line kept. Anything it does not handle exactly as Sep would — a quote inside an unquoted
/// field, text after a closing quote, a lone CR, a ragged row, text in a column forced numeric — stops it with
/// <see cref="Irregular"/>, and the file is read again by the serial reader, which raises the error a user sees.
/// </summary>
sealed class ChunkParser(byte separator, CellMode[] modes, double[]?[] numbers, string?[]?[] labels, int[]? lines,
    bool[] forcedNumeric, MissingTokens missing)
{
    /// <summary>Returned by <see cref="Parse"/> when the chunk needs the serial reader.</summary>
    internal const int Irregular = -1;

    const int PooledLength = 64;  // as Sep's SepToString.PoolPerCol(maximumStringLength: 64)

    readonly System.Buffers.SearchValues<byte> _stops = System.Buffers.SearchValues.Create([separator, (byte)'\n', (byte)'\r', (byte)'"']);
    byte[] _unescaped = new byte[256];
    readonly Dictionary<string, string>?[] _pools = new Dictionary<string, string>?[modes.Length];

    /// <summary>Parses <paramref name="chunk"/> (whole records) into rows from <paramref name="rowOffset"/>; its first byte
    /// is on line <paramref name="firstLine"/>. Sets <paramref name="text"/>[j] when a number column met text.
    /// Returns the number of rows, or <see cref="Irregular"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int Parse(ReadOnlySpan<byte> chunk, int rowOffset, int firstLine, bool[] text)
    {
        int columns = modes.Length;
        int p = 0, line = firstLine, row = rowOffset;
        while (p < chunk.Length)
        {
            int recordLine = line;
            if (MaybeBlank(chunk[p]) && BlankLine(chunk, p) is int after)
            {
                if (after < 0) return Irregular;
                if (after > p && chunk[after - 1] == (byte)'\n') line++;
                p = after;
                continue;
            }
            int column = 0;
            while (true)
            {
                // One field: [start, end) of its content, then its terminator.
                int start = p, end;
                CellMode mode = column < columns ? modes[column] : CellMode.Skip;
                if (p < chunk.Length && chunk[p] == (byte)'"')
                {
                    bool escaped = false;
                    p++;
                    while (true)
                    {
                        int q = chunk[p..].IndexOf((byte)'"');
                        if (q < 0) return Irregular;  // unclosed quote
                        var inside = chunk.Slice(p, q);
                        if (inside.Contains((byte)'\r')) return Irregular;
                        line += inside.Count((byte)'\n');
                        p += q + 1;
                        if (p < chunk.Length && chunk[p] == (byte)'"')
                        {
                            escaped = true;
                            p++;
                            continue;
                        }
                        break;
                    }
                    end = p - 1;
                    start++;
                    if (column < columns && mode != CellMode.Skip)
                    {
                        var content = chunk[start..end];
                        if (escaped) content = Unescape(content);
                        if (!Store(content, mode, column, row, text)) return Irregular;
                    }
                }
                else
                {
                    // The usual numeric cell: the number parser finds its end, and a separator or line end must follow.
                    if (mode == CellMode.Number && p < chunk.Length && IsNumberStart(chunk[p]) && !missing.HasNumericToken
                        && !text[column] && Number(chunk[p..], out double value, out int consumed)
                        && (p + consumed == chunk.Length || chunk[p + consumed] is var next && (next == separator || next == (byte)'\n' || next == (byte)'\r')))
                    {
                        numbers[column]![row] = value;
                        p += consumed;
                        end = p;
                    }
                    else
                    {
                        int stop = chunk[p..].IndexOfAny(_stops);
                        end = stop < 0 ? chunk.Length : p + stop;
                        if (end < chunk.Length && chunk[end] == (byte)'"') return Irregular;  // a quote inside an unquoted field
                        p = end;
                        if (column < columns && mode != CellMode.Skip && !Store(chunk[start..end], mode, column, row, text)) return Irregular;
                    }
                }
                column++;
                // The terminator.
                if (p == chunk.Length) break;
                byte b = chunk[p];
                if (b == separator)
                {
                    p++;
                    continue;  // a separator at the very end still opens one (empty) field
                }
                if (b == (byte)'\n')
                {
                    p++;
                    line++;
                    break;
                }
                if (b == (byte)'\r' && p + 1 < chunk.Length && chunk[p + 1] == (byte)'\n')
                {
                    p += 2;
                    line++;
                    break;
                }
                return Irregular;  // a lone CR, or text after a closing quote
            }
            if (column != columns) return Irregular;  // ragged: the serial reader names the line
            if (lines is not null) lines[row] = recordLine;
            row++;
        }
        return row - rowOffset;
    }

    // A blank line (one unquoted field of white space, which Sep reads as one empty-looking field and the reader
    // skips) starts with white space, a line end or a non-ASCII byte.
    static bool MaybeBlank(byte b) => b >= 0x80 || Utf8Cell.Space.AsSpan().Contains(b);

    // Where the next record starts if the line at p is blank; null if it is not; −1 for a lone CR in it.
    int? BlankLine(ReadOnlySpan<byte> chunk, int p)
    {
        int newline = chunk[p..].IndexOf((byte)'\n');
        int end = newline < 0 ? chunk.Length : p + newline;
        var text = chunk[p..end];
        if (text.EndsWith((byte)'\r')) text = text[..^1];
        if (text.IndexOfAny(separator, (byte)'"') >= 0 || !Utf8Cell.IsBlank(text)) return null;
        if (text.Contains((byte)'\r')) return -1;
        return newline < 0 ? chunk.Length : end + 1;
    }

    // A number at the start of s, by the short parser or else csFastFloat; NaN is left to the missing-token rules.
    static bool Number(ReadOnlySpan<byte> s, out double value, out int consumed) =>
        SimpleDecimal.TryParse(s, out value, out consumed)
        || FastDoubleParser.TryParseDouble(s, out consumed, out value, System.Globalization.NumberStyles.Float, (byte)'.') && !double.IsNaN(value);

    static bool IsNumberStart(byte b) => (uint)(b - '0') <= 9 || b == (byte)'-' || b == (byte)'+' || b == (byte)'.';

    // Stores one cell; false when a column forced numeric holds text (the serial reader raises that error).
    bool Store(ReadOnlySpan<byte> cell, CellMode mode, int column, int row, bool[] text)
    {
        if (mode == CellMode.Label)
        {
            labels[column]![row] = Label(cell, column);
            return true;
        }
        if (text[column]) return true;  // already text in this chunk: another pass reads it
        var kind = Utf8Cell.Classify(cell, missing, out double value);
        if (kind == Utf8Cell.Kind.Text)
        {
            if (forcedNumeric[column]) return false;
            text[column] = true;
            return true;
        }
        numbers[column]![row] = value;
        return true;
    }

    string? Label(ReadOnlySpan<byte> cell, int column)
    {
        Span<char> chars = cell.Length <= 256 ? stackalloc char[256] : new char[cell.Length];
        chars = chars[..Encoding.UTF8.GetChars(cell, chars)];
        if (missing.Contains(chars.Trim())) return null;
        if (chars.Length > PooledLength) return chars.ToString();
        var pool = _pools[column] ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars, out var label)) return label;
        label = chars.ToString();
        pool[label] = label;
        return label;
    }

    // "" inside a quoted field is one quote.
    ReadOnlySpan<byte> Unescape(ReadOnlySpan<byte> content)
    {
        if (_unescaped.Length < content.Length) _unescaped = new byte[content.Length * 2];
        int n = 0;
        for (int i = 0; i < content.Length; i++)
        {
            _unescaped[n++] = content[i];
            if (content[i] == (byte)'"') i++;
        }
        return _unescaped.AsSpan(0, n);
    }
}
