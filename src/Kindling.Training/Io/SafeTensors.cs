// https://github.com/huggingface/safetensors#format — 8-byte little-endian u64 N, N bytes of JSON
// header, then the data buffer; data_offsets are relative to the start of that buffer.
using System.Buffers.Binary;

namespace Kindling.Training.Io;

/// <summary>
/// Reads and writes the safetensors format (what <c>safetensors.torch.save_file</c> produces).
/// Every problem with a file surfaces as a <see cref="SafeTensorsException"/> naming the file.
/// </summary>
public static class SafeTensors
{
    /// <summary>The reference reader's header limit: a larger header is treated as corrupt.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    const int PrefixBytes = 8;

    /// <summary>Reads a whole safetensors file.</summary>
    /// <exception cref="SafeTensorsException">The file is missing, unreadable or not a valid safetensors file.</exception>
    public static SafeTensorsContent Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return Read(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SafeTensorsException(path, e is FileNotFoundException or DirectoryNotFoundException
                ? "file not found" : $"cannot read the file ({e.Message})", e);
        }
    }

    /// <summary>Reads safetensors content from the current position of <paramref name="stream"/> to its end.</summary>
    /// <param name="stream">The source; a non-seekable stream is buffered in memory first.</param>
    /// <param name="name">What error messages call the source (a file name).</param>
    public static SafeTensorsContent Read(Stream stream, string name = "<stream>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        long total = stream.Length - stream.Position;
        Span<byte> prefix = stackalloc byte[PrefixBytes];
        if (total >= PrefixBytes) stream.ReadExactly(prefix);
        long n = HeaderLength(prefix, total, name);
        var header = new byte[n];
        stream.ReadExactly(header);
        var entries = ParseHeader(header, total - PrefixBytes - n, name, out var metadata);
        var tensors = new List<NamedArray>(entries.Count);
        try
        {
            // The layout check guarantees the entries tile the buffer in order, so reads are sequential.
            foreach (var e in entries)
            {
                var t = NamedArray.Allocate(e.Name, e.DType, (int)e.ElementCount, e.Shape);
                stream.ReadExactly(t.Bytes);
                LittleEndian.Swap(t.Bytes, e.DType.ElementSize());
                tensors.Add(t);
            }
        }
        catch (EndOfStreamException ex)
        {
            throw new SafeTensorsException(name, "the file ended while reading tensor data (changed while being read?)", ex);
        }
        return new SafeTensorsContent(tensors, metadata);
    }

    /// <summary>Reads safetensors content held in memory.</summary>
    /// <param name="bytes">The whole file's bytes.</param>
    /// <param name="name">What error messages call the source.</param>
    public static SafeTensorsContent Read(ReadOnlySpan<byte> bytes, string name = "<memory>")
    {
        long n = HeaderLength(bytes, bytes.Length, name);
        var data = bytes[(int)(PrefixBytes + n)..];
        var entries = ParseHeader(bytes.Slice(PrefixBytes, (int)n), data.Length, name, out var metadata);
        var tensors = new List<NamedArray>(entries.Count);
        foreach (var e in entries)
        {
            var t = NamedArray.Allocate(e.Name, e.DType, (int)e.ElementCount, e.Shape);
            data.Slice((int)e.Begin, (int)e.ByteLength).CopyTo(t.Bytes);
            LittleEndian.Swap(t.Bytes, e.DType.ElementSize());
            tensors.Add(t);
        }
        return new SafeTensorsContent(tensors, metadata);
    }

    /// <summary>
    /// Writes <paramref name="tensors"/> to <paramref name="path"/> atomically: the bytes go to a temporary
    /// file in the same directory, which then replaces <paramref name="path"/>, so a failed write never
    /// leaves a partial or destroyed model file.
    /// </summary>
    /// <param name="path">The target file; an existing file is replaced only once the new one is complete.</param>
    /// <param name="tensors">Tensors with distinct names; the file lays them out in the reference writer's order.</param>
    /// <param name="metadata">The optional <c>__metadata__</c> string map (written with sorted keys).</param>
    /// <exception cref="ArgumentException">Duplicate or reserved tensor names.</exception>
    /// <exception cref="SafeTensorsException">The file cannot be written.</exception>
    public static void Write(string path, IReadOnlyList<NamedArray> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] header = SafeTensorsWriter.BuildHeader(tensors, metadata, out var order);
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                SafeTensorsWriter.WriteTo(stream, header, order);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new SafeTensorsException(path, $"cannot write the file ({e.Message})", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Writes safetensors content to <paramref name="stream"/> (same layout as <see cref="Write(string, IReadOnlyList{NamedArray}, IReadOnlyDictionary{string, string}?)"/>).</summary>
    public static void Write(Stream stream, IReadOnlyList<NamedArray> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] header = SafeTensorsWriter.BuildHeader(tensors, metadata, out var order);
        SafeTensorsWriter.WriteTo(stream, header, order);
    }

    /// <summary>The file's bytes, as <see cref="Write(Stream, IReadOnlyList{NamedArray}, IReadOnlyDictionary{string, string}?)"/> would write them.</summary>
    public static byte[] Serialize(IReadOnlyList<NamedArray> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var stream = new MemoryStream();
        Write(stream, tensors, metadata);
        return stream.ToArray();
    }

    /// <summary>Validates the 8-byte prefix against the source's length and returns the header length.</summary>
    static long HeaderLength(ReadOnlySpan<byte> prefix, long total, string name)
    {
        if (total < PrefixBytes)
            throw new SafeTensorsException(name, $"the file is {total} bytes, too short to hold the 8-byte header length");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (n > MaxHeaderBytes)
            throw new SafeTensorsException(name, $"the header length {n} is over the {MaxHeaderBytes}-byte limit (not a safetensors file?)");
        if ((long)n > total - PrefixBytes)
            throw new SafeTensorsException(name, $"the header length {n} runs past the end of the file ({total - PrefixBytes} bytes follow it)");
        return (long)n;
    }

    static List<SafeTensorsEntry> ParseHeader(ReadOnlySpan<byte> header, long bufferLength, string name, out Dictionary<string, string> metadata)
    {
        var (entries, meta) = SafeTensorsHeaderReader.Parse(header, name);
        metadata = meta;
        return SafeTensorsLayout.Validate(entries, bufferLength, name);
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* the original error matters more */ }
    }
}
