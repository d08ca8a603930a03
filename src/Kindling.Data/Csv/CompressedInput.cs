using System.IO.Compression;

namespace Kindling.Data;

/// <summary>Compressed CSV, as <c>pandas.read_csv(compression="infer")</c> reads it: gzip and zlib are recognised
/// by their magic bytes or the extension (.gz, .gzip, .zz, .zlib); raw deflate (.deflate), brotli (.br), which have
/// no magic, and a .zip archive holding one file, by the extension only. Decompressed in memory with
/// System.IO.Compression, so the parallel reader then parses it from the buffer (slower than a memory-mapped
/// plain file, which keeps its fast path untouched).</summary>
static class CompressedInput
{
    /// <summary>The compression its magic bytes announce (gzip, zlib), or null. Not zip's: a spreadsheet (.xlsx) is a
    /// zip too, and must still be told it is not CSV text; a .zip is known by its name, as pandas does.</summary>
    internal static string? ByMagic(ReadOnlySpan<byte> head) => head switch
    {
        [0x1F, 0x8B, ..] => "gzip",
        // zlib (RFC 1950) with the usual levels; 78 5E ("x^") is left out: it could begin a text file.
        [0x78, 0x01 or 0x9C or 0xDA, ..] => "zlib",
        _ => null,
    };

    /// <summary>The compression a file name's extension announces, or null.</summary>
    internal static string? ByExtension(string? path) => (path is null ? "" : Path.GetExtension(path).ToLowerInvariant()) switch
    {
        ".gz" or ".gzip" => "gzip",
        ".zip" => "zip",
        ".zz" or ".zlib" => "zlib",
        ".deflate" => "deflate",
        ".br" => "brotli",
        _ => null,
    };

    /// <summary>The decompressed bytes of <paramref name="stream"/> (read from its position to the end), or null
    /// when it is not compressed (the stream is then left where it was).</summary>
    /// <exception cref="DataException">The data is damaged, or a .zip does not hold exactly one file.</exception>
    internal static MemoryStream? TryDecompress(Stream stream, string? path, string? source, CancellationToken cancel)
    {
        long start = stream.Position;
        Span<byte> head = stackalloc byte[4];
        int read = 0;
        while (read < head.Length && stream.Read(head[read..]) is int n and > 0) read += n;
        stream.Position = start;
        // Raw deflate and brotli have no magic, and their first bytes may look like zlib's: their extension decides.
        string? named = ByExtension(path);
        string? magic = named is "deflate" or "brotli" ? null : ByMagic(head[..read]);
        string? kind = magic ?? named;
        if (kind is null || read == 0) return null;
        // A ".gz" or ".zip" name on plain text (a mislabelled file) is read as text; brotli and raw deflate have no
        // magic bytes to tell, so their extension is trusted.
        if (magic is null && kind is "gzip" or "zip" or "zlib" && LooksLikeText(head[..read])) return null;
        try
        {
            if (kind == "zip") return Unzip(stream, source, cancel);
            using Stream inflate = kind switch
            {
                "gzip" => new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true),
                "zlib" => new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true),
                "deflate" => new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true),
                _ => new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true),
            };
            return Copy(inflate, cancel);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException)
        {
            throw new DataException($"cannot decompress this {kind} data: {e.Message}", source, inner: e);
        }
    }

    static MemoryStream Unzip(Stream stream, string? source, CancellationToken cancel)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        if (files.Count != 1)
            throw new DataException($"this .zip archive holds {files.Count} files; Kindling reads an archive holding exactly one CSV file (as pandas does)", source);
        using var entry = files[0].Open();
        return Copy(entry, cancel);
    }

    // Copies in 1 MiB blocks, checking for cancellation between them (a signal is honoured within a block).
    static MemoryStream Copy(Stream from, CancellationToken cancel)
    {
        var to = new MemoryStream();
        var buffer = new byte[1 << 20];
        int n;
        while ((n = from.Read(buffer)) > 0)
        {
            cancel.ThrowIfCancellationRequested();
            to.Write(buffer, 0, n);
        }
        to.Position = 0;
        return to;
    }

    static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (byte b in head)
            if (b < 0x09 || b is > 0x0D and < 0x20) return false;
        return true;
    }
}
