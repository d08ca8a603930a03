// Protocol Buffers encoding: https://protobuf.dev/programming-guides/encoding/
using Google.Protobuf;

namespace Kindling.Cli.Onnx;

/// <summary>
/// Writes one protobuf message field by field with <see cref="CodedOutputStream"/>; nested messages
/// are written into their own <see cref="ProtoWriter"/> and embedded as length-delimited bytes.
/// </summary>
internal sealed class ProtoWriter
{
    readonly MemoryStream buffer = new();
    readonly CodedOutputStream output;

    public ProtoWriter() => output = new CodedOutputStream(buffer, leaveOpen: true);

    public void Int64(int field, long value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    }

    public void Int32(int field, int value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt32(value);
    }

    public void Float(int field, float value)
    {
        output.WriteTag(field, WireFormat.WireType.Fixed32);
        output.WriteFloat(value);
    }

    public void String(int field, string value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    public void Bytes(int field, byte[] value)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(UnsafeByteOperations.UnsafeWrap(value));   // value is not touched afterwards
    }

    /// <summary>An embedded message: <paramref name="write"/> fills a fresh writer whose bytes become the field.</summary>
    public void Message(int field, Action<ProtoWriter> write)
    {
        var inner = new ProtoWriter();
        write(inner);
        Bytes(field, inner.ToArray());
    }

    public byte[] ToArray()
    {
        output.Flush();
        return buffer.ToArray();
    }
}
