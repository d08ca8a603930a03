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
        return Read(stream, options with { SourceName = source });
    }

    /// <summary>Reads CSV text from <paramref name="stream"/> (read to its end; not closed).</summary>
    /// <exception cref="DataException">The data is not text, empty or malformed.</exception>
    public static Frame Read(Stream stream, CsvOptions? options = null)
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
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
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
        ReadOnlySpan<byte> body = probe.AsSpan().StartsWith("\xEF\xBB\xBF"u8) ? probe.AsSpan(3) : probe;
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
        long lines = CountLines(stream);
        long bytes = stream.Length - start;
        // A column inferred numeric that later meets text is read again as categorical (rare: the
        // first value decides most columns), so every label keeps its exact text.
        while (true)
        {
            stream.Position = start;
            var pass = new CsvPass(stream, delimiter, options.HasHeader, forced, missing, source, lines, bytes);
            var demoted = pass.Run();
            if (demoted.Count == 0) return pass.ToFrame();
            foreach (var name in demoted) forced[name] = ColumnKind.Categorical;
        }
    }

    internal static SepReader OpenSep(Stream stream, char delimiter, string? source)
    {
        Sep sep;
        try { sep = new Sep(delimiter); }
        catch (ArgumentException) { throw new DataException($"'{delimiter}' cannot be used as the field separator", source); }
        // Small inputs get small buffers: a 64 KiB char buffer per read would land on the large-object heap.
        int buffer = (int)Math.Clamp(stream.Length - stream.Position + 16, 256, 1 << 16);
        var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: buffer, leaveOpen: true);
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
