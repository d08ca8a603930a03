using System.Buffers.Binary;
using System.Text;
using Kindling.Training.Io;

namespace Kindling.Training.Tests.Io;

/// <summary>Builders for hand-made safetensors bytes and the repository's fixture paths.</summary>
internal static class SafeTensorsTestFiles
{
    /// <summary>Length prefix + <paramref name="headerJson"/> (unpadded) + <paramref name="data"/>.</summary>
    public static byte[] Build(string headerJson, byte[] data)
    {
        byte[] header = Encoding.UTF8.GetBytes(headerJson);
        var bytes = new byte[8 + header.Length + data.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        header.CopyTo(bytes, 8);
        data.CopyTo(bytes, 8 + header.Length);
        return bytes;
    }

    /// <summary>A small valid model: two F32 tensors, an I64, an F64 and metadata.</summary>
    public static NamedArray[] SampleTensors() =>
    [
        new NamedArray("0.weight", [1f, -2f, 3.5f, 0.25f, -0f, 7f], 2, 3),
        new NamedArray("0.bias", [0.5f, -0.5f], 2),
        new NamedArray("steps", [1L, long.MinValue, long.MaxValue], 3),
        new NamedArray("scale", [Math.PI, -1e300, double.Epsilon], 3),
    ];

    public static readonly Dictionary<string, string> SampleMetadata = new() { ["format"] = "pt", ["kindling"] = "0.1.0" };

    /// <summary>The directory holding Kindling.slnx, found by walking up from the test binaries.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kindling.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Kindling.slnx above {AppContext.BaseDirectory}.");
    }

    /// <summary>A fresh empty directory under the system temp folder.</summary>
    public static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "kindling-st-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
