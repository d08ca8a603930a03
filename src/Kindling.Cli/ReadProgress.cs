using Kindling.Data;

namespace Kindling.Cli;

/// <summary>The progress line a big CSV read shows on stderr ("reading data.csv: 42% of 255 MB"), only when stderr
/// is a terminal: the data layer reports bytes parsed, from its worker threads; the line is cleared when done.</summary>
sealed class ReadProgress : IProgress<CsvProgress>, IDisposable
{
    /// <summary>Files smaller than this read in well under a second: no line.</summary>
    const long Threshold = 50L << 20;

    readonly Lock _gate = new();
    readonly string _name;
    readonly long _megabytes;
    int _shown = -1;

    ReadProgress(string path, long length)
    {
        _name = Path.GetFileName(path);
        _megabytes = length >> 20;
    }

    /// <summary>A progress line for <paramref name="path"/>, or null when the file is small or stderr is not a terminal.</summary>
    public static ReadProgress? For(string path)
    {
        if (Console.IsErrorRedirected) return null;
        long length;
        try { length = new FileInfo(path).Length; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return null; }
        return length >= Threshold ? new ReadProgress(path, length) : null;
    }

    public void Report(CsvProgress value)
    {
        int percent = (int)(value.BytesRead * 100 / Math.Max(1, value.TotalBytes));
        lock (_gate)
        {
            if (percent <= _shown) return;
            _shown = percent;
            Console.Error.Write($"\rreading {_name}: {percent}% of {_megabytes} MB");
        }
    }

    /// <summary>Clears the line (the command's own output follows).</summary>
    public void Dispose()
    {
        lock (_gate)
            if (_shown >= 0) Console.Error.Write("\r\u001b[K");
    }
}
