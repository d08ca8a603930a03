namespace Kindling.Data;

public static partial class Csv
{
    /// <summary>
    /// Reads an all-numeric CSV straight into float32 (no strings, no float64 copy): peak memory is the
    /// matrix plus parser buffers. Header, separator and missing tokens are detected as in <see cref="Read(string, CsvOptions?)"/>.
    /// </summary>
    /// <exception cref="DataException">As <see cref="Read(string, CsvOptions?)"/>, and for any cell that is not a number (names line and column).</exception>
    public static NumericMatrix ReadNumeric(string path, CsvOptions? options = null)
    {
        options ??= new CsvOptions();
        string source = options.SourceName ?? path;
        using var file = Open(path, source);
        try
        {
            var stream = UnicodeInput.ToUtf8(file, source);
            char delimiter = Probe(stream, options, source);
            long capacity = CountLines(stream);
            return new NumericPass(stream, delimiter, options.HasHeader, new MissingTokens(options.MissingTokens), source).Run(capacity);
        }
        catch (IOException e)
        {
            throw new DataException($"cannot read the file: {e.Message}", source, inner: e);
        }
    }

    // An upper bound on the records from the stream's position on: the line count (quoted newlines only make it
    // larger). Leaves the stream where it was.
    static long CountLines(Stream stream)
    {
        long start = stream.Position;
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        byte last = (byte)'\n';
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }
        stream.Position = start;
        return last == (byte)'\n' ? lines : lines + 1;
    }
}
