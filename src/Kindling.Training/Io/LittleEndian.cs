namespace Kindling.Training.Io;

/// <summary>safetensors stores elements little-endian; on a big-endian machine each element's bytes are reversed.</summary>
internal static class LittleEndian
{
    /// <summary>Converts between native and little-endian order in place (a no-op on little-endian machines).</summary>
    public static void Swap(Span<byte> bytes, int elementSize)
    {
        if (BitConverter.IsLittleEndian) return;
        for (int i = 0; i + elementSize <= bytes.Length; i += elementSize)
            bytes.Slice(i, elementSize).Reverse();
    }
}
