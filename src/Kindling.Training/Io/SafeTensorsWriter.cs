// https://github.com/huggingface/safetensors#format
using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kindling.Training.Io;

/// <summary>Lays tensors out and writes the header as the reference writer does.</summary>
internal static class SafeTensorsWriter
{
    /// <summary>
    /// Orders the tensors like the reference writer (dtype by descending alignment, then name by
    /// UTF-8 bytes) and returns the space-padded header (a multiple of 8 bytes, so each tensor's
    /// data starts aligned).
    /// </summary>
    public static byte[] BuildHeader(IReadOnlyList<NamedArray> tensors, IReadOnlyDictionary<string, string>? metadata, out NamedArray[] order)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tensors)
        {
            if (t is null) throw new ArgumentException("The tensor list holds a null entry.", nameof(tensors));
            if (t.Name == SafeTensorsHeaderReader.MetadataKey)
                throw new ArgumentException($"A tensor cannot be named '{SafeTensorsHeaderReader.MetadataKey}'.", nameof(tensors));
            if (!names.Add(t.Name)) throw new ArgumentException($"Two tensors are named '{t.Name}'.", nameof(tensors));
        }
        order = [.. tensors];
        Array.Sort(order, static (a, b) =>
        {
            int c = b.DType.AlignmentRank().CompareTo(a.DType.AlignmentRank());
            return c != 0 ? c : Encoding.UTF8.GetBytes(a.Name).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Name));
        });

        var buffer = new ArrayBufferWriter<byte>();
        // Relaxed escaping writes names as serde_json does (only quotes, backslashes and control characters escaped).
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            if (metadata is not null)
            {
                json.WriteStartObject(SafeTensorsHeaderReader.MetadataKey);
                // Sorted keys make the file deterministic (the reference writer's map has no fixed order).
                foreach (var key in metadata.Keys.Order(StringComparer.Ordinal))
                    json.WriteString(key, metadata[key] ?? throw new ArgumentException($"Metadata '{key}' is null.", nameof(metadata)));
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var t in order)
            {
                json.WriteStartObject(t.Name);
                json.WriteString("dtype", t.DType.Name());
                json.WriteStartArray("shape");
                foreach (int d in t.ShapeSpan) json.WriteNumberValue(d);
                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + t.ByteLength);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += t.ByteLength;
            }
            json.WriteEndObject();
        }
        int padded = (buffer.WrittenCount + 7) / 8 * 8;
        var header = new byte[padded];
        buffer.WrittenSpan.CopyTo(header);
        header.AsSpan(buffer.WrittenCount).Fill((byte)' ');
        return header;
    }

    /// <summary>Writes length prefix, header and data to <paramref name="stream"/>.</summary>
    public static void WriteTo(Stream stream, byte[] header, NamedArray[] order)
    {
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
        stream.Write(prefix);
        stream.Write(header);
        foreach (var t in order)
        {
            if (BitConverter.IsLittleEndian)
            {
                stream.Write(t.Bytes);
                continue;
            }
            byte[] copy = t.Bytes.ToArray();   // never reorder the caller's array
            LittleEndian.Swap(copy, t.DType.ElementSize());
            stream.Write(copy);
        }
    }
}
