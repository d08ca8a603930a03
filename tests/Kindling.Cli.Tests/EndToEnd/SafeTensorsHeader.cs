using System.Buffers.Binary;
using System.Text.Json;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Reads a safetensors file's tensor names from its header (8-byte little-endian length, then JSON),
/// independently of Kindling's reader.</summary>
static class SafeTensorsHeader
{
    public static string[] Names(string path)
    {
        var bytes = File.ReadAllBytes(path);
        long n = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        using var doc = JsonDocument.Parse(bytes.AsMemory(8, (int)n));
        return doc.RootElement.EnumerateObject().Select(p => p.Name).Where(k => k != "__metadata__").Order(StringComparer.Ordinal).ToArray();
    }
}
