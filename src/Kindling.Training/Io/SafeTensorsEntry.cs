namespace Kindling.Training.Io;

/// <summary>One tensor's line in a safetensors header: dtype, shape and its byte range in the data buffer.</summary>
internal sealed record SafeTensorsEntry(string Name, SafeTensorsDType DType, int[] Shape, long Begin, long End, long ElementCount)
{
    public long ByteLength => ElementCount * DType.ElementSize();

    public string ShapeText => $"[{string.Join(", ", Shape)}]";

    public string OffsetsText => $"[{Begin}, {End}]";
}
