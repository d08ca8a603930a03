using System.Text;
using System.Text.Unicode;

namespace Kindling.Data;

/// <summary>Progress of a CSV read: bytes parsed so far out of the total.</summary>
/// <param name="BytesRead">Bytes parsed so far.</param>
/// <param name="TotalBytes">Bytes in the file.</param>
public readonly record struct CsvProgress(long BytesRead, long TotalBytes);

/// <summary>
/// The parallel reader behind <see cref="Csv.Read(string, CsvOptions?)"/>: the file's bytes (memory-mapped) are cut at
/// record boundaries into chunks, which are parsed at once on every thread (<see cref="ChunkParser"/>) straight into
/// the frame's columns — no string per number, no line-count pre-pass over a stream, and a column that turns out to
/// hold text is read again alone. A chunk edge is a newline outside quotes (found from the parity of the quotes before
/// it), so a quoted newline never splits a record. Returns null whenever the serial Sep reader must decide (anything
/// irregular, any error): both readers give the same frame, and errors always come from the serial one.
/// </summary>
static class ChunkedCsv
{
    /// <summary>Chunk size in bytes on this thread; tests set it small to put chunk edges everywhere. 0: chosen from the file size.</summary>
    [ThreadStatic]
    internal static int ChunkBytesOverride;

    // The UTF-8 byte order mark (not "\xEF\xBB\xBF"u8: C# reads \x as a UTF-16 char and would encode it in two bytes).
    internal static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    internal static unsafe Frame? TryRead(byte* data, long length, char delimiter, bool? hasHeader,
        IReadOnlyDictionary<string, ColumnKind> forced, MissingTokens missing, string? source, IProgress<CsvProgress>? progress,
        bool kindsMayBeAbsent = false, CancellationToken cancel = default)
    {
        if (length > int.MaxValue || delimiter >= 0x80 || delimiter is '"' or '\n' or '\r') return null;
        var all = new ReadOnlySpan<byte>(data, (int)length);
        byte separator = (byte)delimiter;
        int start = all.StartsWith(Bom) ? 3 : 0;

        // The first record that is not blank: the header, or the first data row.
        int p = start;
        int recordEnd;
        while (true)
        {
            if (p >= all.Length) return null;
            recordEnd = RecordEnd(all, p);
            var record = all[p..recordEnd];
            if (record.IndexOfAny(separator, (byte)'"') < 0 && Utf8Cell.IsBlank(record.TrimEnd("\r\n"u8)) && !record.TrimEnd("\r\n"u8).Contains((byte)'\r'))
            {
                p = recordEnd;
                continue;
            }
            break;
        }
        int firstLine = 1 + all[..p].Count((byte)'\n');
        var first = all[p..recordEnd];
        if (first.TrimEnd("\n"u8).TrimEnd("\r"u8).Contains((byte)'\r') || !Utf8.IsValid(first)) return null;
        var (header, names) = Csv.FirstRecord(Encoding.UTF8.GetString(first), delimiter, hasHeader, source, firstLine);
        if (!kindsMayBeAbsent) CsvPass.CheckForced(names, forced, source, firstLine);
        // Sep named the columns; the chunk parser must see the same fields there, or the serial reader takes over.
        if (new ChunkParser(separator, new CellMode[names.Length], [], [], null, new bool[names.Length], missing)
            .Parse(first, 0, firstLine, new bool[names.Length]) != 1) return null;
        int bodyStart = header ? recordEnd : p;
        int bodyLine = firstLine + (header ? all[p..recordEnd].Count((byte)'\n') : 0);

        var bounds = Chunks(all, bodyStart);
        int chunks = bounds.Length - 1;
        // Rows per chunk, at most: its newlines, plus one for a last line without one.
        var offsets = new int[chunks + 1];
        var firstLines = new int[chunks];
        var newlines = new int[chunks];
        nint address = (nint)data;
        DataThreads.For(chunks, c => newlines[c] = Span(address, bounds[c], bounds[c + 1]).Count((byte)'\n'));
        long capacity = 0, lineAt = bodyLine;
        for (int c = 0; c < chunks; c++)
        {
            offsets[c] = (int)capacity;
            firstLines[c] = (int)lineAt;
            capacity += newlines[c];
            lineAt += newlines[c];
        }
        if (chunks > 0 && all[^1] != (byte)'\n') capacity++;
        if (capacity > Array.MaxLength || lineAt > int.MaxValue) return null;
        offsets[chunks] = (int)capacity;

        int n = names.Length;
        var modes = new CellMode[n];
        var numbers = new double[]?[n];
        var labels = new string?[]?[n];
        var forcedNumeric = new bool[n];
        for (int j = 0; j < n; j++)
        {
            var kind = forced.TryGetValue(names[j], out var k) ? k : (ColumnKind?)null;
            forcedNumeric[j] = kind == ColumnKind.Numeric;
            modes[j] = kind == ColumnKind.Categorical ? CellMode.Label : CellMode.Number;
            if (modes[j] == CellMode.Label) labels[j] = new string?[capacity];
            else numbers[j] = new double[capacity];
        }
        var lines = new int[capacity];
        var rows = new int[chunks];
        var text = new bool[chunks][];
        long done = bodyStart;  // the header counts as read: the last report is the whole file
        bool ok = Pass(address, bounds, chunks, cancel, c =>
        {
            text[c] = new bool[n];
            var chunk = Span(address, bounds[c], bounds[c + 1]);
            rows[c] = Utf8.IsValid(chunk)
                ? new ChunkParser(separator, modes, numbers, labels, lines, forcedNumeric, missing).Parse(chunk, offsets[c], firstLines[c], text[c])
                : ChunkParser.Irregular;
            progress?.Report(new CsvProgress(Interlocked.Add(ref done, chunk.Length), length));
            return rows[c] != ChunkParser.Irregular;
        });
        if (!ok) return null;

        // Columns that met text are read again, alone, as labels (every label keeps its exact text).
        var textColumns = Enumerable.Range(0, n).Where(j => modes[j] == CellMode.Number && text.Any(t => t[j])).ToArray();
        if (textColumns.Length > 0)
        {
            var again = new CellMode[n];
            foreach (int j in textColumns)
            {
                again[j] = CellMode.Label;
                labels[j] = new string?[capacity];
                numbers[j] = null;
            }
            ok = Pass(address, bounds, chunks, cancel, c =>
                new ChunkParser(separator, again, numbers, labels, null, forcedNumeric, missing)
                    .Parse(Span(address, bounds[c], bounds[c + 1]), offsets[c], firstLines[c], new bool[n]) == rows[c]);
            if (!ok) return null;
        }

        int total = Compact(numbers, labels, lines, offsets, rows);
        if (total == 0) return null;  // the serial reader words this error
        var columns = new Column[n];
        for (int j = 0; j < n; j++)
            columns[j] = labels[j] is { } l ? new CategoricalColumn(names[j], ColumnBuilder.Exact(l, total))
                : new NumericColumn(names[j], ColumnBuilder.Exact(numbers[j]!, total));
        return new Frame(columns, ColumnBuilder.Exact(lines, total), source);
    }

    static unsafe ReadOnlySpan<byte> Span(nint address, int from, int to) => new((byte*)address + from, to - from);

    // A cancelled read stops at the next chunk (each is at most 16 MiB: well under a second) and throws, rather than
    // returning null, which would hand the file to the serial reader.
    static bool Pass(nint address, int[] bounds, int chunks, CancellationToken cancel, Func<int, bool> parse)
    {
        int failures = 0;
        DataThreads.For(chunks, c =>
        {
            if (Volatile.Read(ref failures) == 0 && (cancel.IsCancellationRequested || !parse(c))) Interlocked.Increment(ref failures);
        });
        cancel.ThrowIfCancellationRequested();
        return failures == 0;
    }

    // Where the record starting at p ends (after its newline), quotes respected.
    static int RecordEnd(ReadOnlySpan<byte> all, int p)
    {
        bool quoted = false;
        for (int i = p; i < all.Length; i++)
        {
            if (all[i] == (byte)'"') quoted = !quoted;
            else if (all[i] == (byte)'\n' && !quoted) return i + 1;
        }
        return all.Length;
    }

    // Chunk edges from bodyStart to the end: each right after a newline outside quotes (quote parity even).
    static int[] Chunks(ReadOnlySpan<byte> all, int bodyStart)
    {
        int body = all.Length - bodyStart;
        int size = ChunkBytesOverride > 0 ? ChunkBytesOverride
            : (int)Math.Clamp(body / (Torch.GetNumThreads() * 8L), 1 << 20, 16 << 20);
        bool quotes = all[bodyStart..].Contains((byte)'"');
        var bounds = new List<int> { bodyStart };
        int parityFrom = bodyStart;
        bool odd = false;
        for (long nominal = (long)bodyStart + size; nominal < all.Length; nominal += size)
        {
            int at = (int)Math.Max(nominal, bounds[^1] + 1);
            if (at >= all.Length) break;
            int edge;
            if (!quotes)
            {
                int newline = all[at..].IndexOf((byte)'\n');
                edge = newline < 0 ? all.Length : at + newline + 1;
            }
            else
            {
                if (all[parityFrom..at].Count((byte)'"') % 2 == 1) odd = !odd;
                parityFrom = at;
                edge = all.Length;
                bool inside = odd;
                for (int i = at; i < all.Length; i++)
                {
                    if (all[i] == (byte)'"') inside = !inside;
                    else if (all[i] == (byte)'\n' && !inside)
                    {
                        edge = i + 1;
                        break;
                    }
                }
            }
            if (edge >= all.Length) break;
            bounds.Add(edge);
        }
        bounds.Add(all.Length);
        return [.. bounds];
    }

    // Moves each chunk's rows down to close the gaps its blank lines and quoted newlines left; returns the row count.
    static int Compact(double[]?[] numbers, string?[]?[] labels, int[] lines, int[] offsets, int[] rows)
    {
        int to = 0;
        for (int c = 0; c < rows.Length; c++)
        {
            int from = offsets[c];
            if (from != to)
            {
                foreach (var column in numbers) if (column is not null) Array.Copy(column, from, column, to, rows[c]);
                foreach (var column in labels) if (column is not null) Array.Copy(column, from, column, to, rows[c]);
                Array.Copy(lines, from, lines, to, rows[c]);
            }
            to += rows[c];
        }
        return to;
    }
}
