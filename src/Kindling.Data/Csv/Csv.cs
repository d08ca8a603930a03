using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Kindling.Data;

/// <summary>
/// Reads a CSV file into a <see cref="Frame"/>, as <c>pandas.read_csv</c> does for the seed, with
/// the Sep parser underneath (RFC 4180 quoting, CRLF or LF, UTF-8 with or without BOM).
/// </summary>
/// <remarks>
/// Detection, each overridable in <see cref="CsvOptions"/>: the separator is sniffed among
/// <c>, ; \t |</c> (see <see cref="DelimiterSniffer"/>); the first row is a header unless one of its
/// cells is a number or all are empty; a column is numeric when every non-missing cell parses as an
/// invariant-culture number ("0.5" is one half under any culture), else categorical. Any problem
/// raises <see cref="DataException"/> naming the file, line and column, and nothing is returned
/// half-read.
/// </remarks>
public static partial class Csv
{
    const int SniffBytes = 64 * 1024;

    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads the CSV file at <paramref name="path"/>.</summary>
    /// <exception cref="DataException">The file is missing, unreadable, not text, empty or malformed.</exception>
    public static Frame Read(string path, CsvOptions? options = null)
    {
        options ??= new CsvOptions();
        string source = options.SourceName ?? path;
        using var stream = Open(path, source);
        // A compressed file is read from its decompressed bytes; a plain one keeps the memory-mapped path.
        using var decompressed = CompressedInput.TryDecompress(stream, path, source, options.CancellationToken);
        return Read(decompressed ?? (Stream)stream, options with { SourceName = source }, detectCompression: false);
    }

    /// <summary>Reads CSV text from <paramref name="stream"/> (read to its end; not closed).</summary>
    /// <exception cref="DataException">The data is not text, empty or malformed.</exception>
    public static Frame Read(Stream stream, CsvOptions? options = null) => Read(stream, options, detectCompression: true);

    static Frame Read(Stream stream, CsvOptions? options, bool detectCompression)
    {
        options ??= new CsvOptions();
        string? source = options.SourceName;
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            try { stream.CopyTo(copy); }
            catch (IOException e) { throw new DataException($"cannot read the data: {e.Message}", source, inner: e); }
            copy.Position = 0;
            stream = copy;
        }
        try
        {
            // gzip, zlib and zip are recognised by their magic bytes; brotli and deflate by the source's extension.
            if (detectCompression && CompressedInput.TryDecompress(stream, source, source, options.CancellationToken) is { } decompressed)
                stream = decompressed;
            stream = UnicodeInput.ToUtf8(stream, source);
            return ReadSeekable(stream, options, source);
        }
        catch (IOException e)
        {
            throw new DataException($"cannot read the file: {e.Message}", source, inner: e);
        }
    }

    /// <summary>Reads CSV from a string (handy for tests and pasted data).</summary>
    public static Frame ReadText(string text, CsvOptions? options = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using var stream = new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
        return Read(stream, options);
    }

    static FileStream Open(string path, string source)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new DataException("no file name given", source);
        if (Directory.Exists(path)) throw new DataException("this is a directory, not a CSV file", source);
        if (!File.Exists(path)) throw new DataException($"file not found (looked in {Path.GetFullPath(path)})", source);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new DataException($"cannot open the file: {e.Message}", source, inner: e);
        }
    }

    // Checks the start of the text (empty? binary?) and returns the separator; leaves the stream where it began.
    static char Probe(Stream stream, CsvOptions options, string? source)
    {
        long start = stream.Position;
        var probe = new byte[(int)Math.Min(SniffBytes, stream.Length - start)];
        stream.ReadExactly(probe);
        stream.Position = start;
        bool complete = stream.Length - start == probe.Length;
        ReadOnlySpan<byte> body = probe.AsSpan().StartsWith(ChunkedCsv.Bom) ? probe.AsSpan(3) : probe;
        if (body.Trim(" \t\r\n"u8).IsEmpty && complete) throw new DataException("the file is empty", source);
        TextCheck.EnsureText(body, complete, source);
        return options.Delimiter ?? DelimiterSniffer.Sniff(Encoding.UTF8.GetString(body), complete);
    }

    static Frame ReadSeekable(Stream stream, CsvOptions options, string? source)
    {
        long start = stream.Position;
        char delimiter = Probe(stream, options, source);
        var forced = new Dictionary<string, ColumnKind>(options.ColumnKinds, StringComparer.Ordinal);
        var missing = new MissingTokens(options.MissingTokens);
        if (!SerialOnly && ReadChunked(stream, start, delimiter, options, forced, missing, source) is { } frame) return frame;
        stream.Position = start;
        return ReadSerial(stream, start, delimiter, forced, missing, options, source);
    }

    /// <summary>Set on a thread to read with the serial Sep reader only (the reference the parallel reader must equal).</summary>
    [ThreadStatic]
    internal static bool SerialOnly;

    // The parallel reader over the stream's bytes where they can be had without a copy: a file (memory-mapped) or a
    // MemoryStream's buffer. Null when it does not apply or defers to the serial reader.
    static unsafe Frame? ReadChunked(Stream stream, long start, char delimiter, CsvOptions options,
        IReadOnlyDictionary<string, ColumnKind> forced, MissingTokens missing, string? source)
    {
        long length = stream.Length - start;
        if (length <= 0 || length > int.MaxValue) return null;
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            fixed (byte* data = buffer.Array)
                return ChunkedCsv.TryRead(data + buffer.Offset + start, length, delimiter, options.HasHeader, forced, missing, source, options.Progress, options.ColumnKindsMayBeAbsent, options.CancellationToken);
        }
        if (stream is not FileStream file) return null;
        using var map = System.IO.MemoryMappedFiles.MemoryMappedFile.CreateFromFile(file, null, 0,
            System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        using var view = map.CreateViewAccessor(0, 0, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        try
        {
            return ChunkedCsv.TryRead(pointer + view.PointerOffset + start, length, delimiter, options.HasHeader, forced, missing, source, options.Progress, options.ColumnKindsMayBeAbsent, options.CancellationToken);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    // The header decision and column names from the first record's text, by the serial reader's own rules.
    internal static (bool Header, string[] Names) FirstRecord(string record, char delimiter, bool? hasHeader, string? source, int line)
    {
        using var reader = OpenSep(new StringReader(record), delimiter, source);
        foreach (var row in reader)
        {
            bool header = hasHeader ?? CsvPass.LooksLikeHeader(row);
            return (header, CsvPass.ColumnNames(row, header, source, line));
        }
        throw new InvalidOperationException("the first record is empty");
    }

    static Frame ReadSerial(Stream stream, long start, char delimiter, Dictionary<string, ColumnKind> forced, MissingTokens missing,
        CsvOptions options, string? source)
    {
        long lines = CountLines(stream);
        long bytes = stream.Length - start;
        // A column inferred numeric that later meets text is read again as categorical (rare: the
        // first value decides most columns), so every label keeps its exact text.
        while (true)
        {
            stream.Position = start;
            var pass = new CsvPass(stream, delimiter, options.HasHeader, forced, missing, source, lines, bytes, options.ColumnKindsMayBeAbsent, options.CancellationToken);
            var demoted = pass.Run();
            if (demoted.Count == 0) return pass.ToFrame();
            foreach (var name in demoted) forced[name] = ColumnKind.Categorical;
        }
    }

    internal static SepReader OpenSep(Stream stream, char delimiter, string? source)
    {
        // Small inputs get small buffers: a 64 KiB char buffer per read would land on the large-object heap.
        int buffer = (int)Math.Clamp(stream.Length - stream.Position + 16, 256, 1 << 16);
        var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: buffer, leaveOpen: true);
        return OpenSep(text, delimiter, source, buffer);
    }

    // Sep over text already decoded (a byte order mark in it is a character, not an encoding mark).
    static SepReader OpenSep(TextReader text, char delimiter, string? source, int buffer = 256)
    {
        Sep sep;
        try { sep = new Sep(delimiter); }
        catch (ArgumentException) { throw new DataException($"'{delimiter}' cannot be used as the field separator", source); }
        return Sep.Reader(o => o with
        {
            InitialBufferLength = buffer,
            Sep = sep,
            HasHeader = false,
            Unescape = true,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
            CreateToString = SepToString.PoolPerCol(maximumStringLength: 64),
        }).From(text);
    }
}
