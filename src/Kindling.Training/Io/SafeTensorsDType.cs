// https://github.com/huggingface/safetensors#format — dtype names are the spec's strings.
namespace Kindling.Training.Io;

/// <summary>The element types Kindling reads and writes in a safetensors file.</summary>
public enum SafeTensorsDType
{
    /// <summary>32-bit IEEE float ("F32"), torch.float32.</summary>
    F32,
    /// <summary>64-bit IEEE float ("F64"), torch.float64.</summary>
    F64,
    /// <summary>64-bit signed integer ("I64"), torch.int64.</summary>
    I64,
}

/// <summary>Names, sizes and ordering of <see cref="SafeTensorsDType"/> as the format defines them.</summary>
internal static class SafeTensorsDTypes
{
    /// <summary>Every dtype string of the format; those Kindling does not read get a precise error.</summary>
    static readonly string[] KnownButUnsupported =
        ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16", "I32", "U32", "U64"];

    public static int ElementSize(this SafeTensorsDType dtype) => dtype == SafeTensorsDType.F32 ? 4 : 8;

    public static string Name(this SafeTensorsDType dtype) => dtype switch
    {
        SafeTensorsDType.F32 => "F32",
        SafeTensorsDType.F64 => "F64",
        _ => "I64",
    };

    /// <summary>
    /// Rank in the reference writer's dtype order (F32 &lt; F64 &lt; I64); it lays tensors out by
    /// descending rank, then by name, so the widest alignment comes first.
    /// </summary>
    public static int AlignmentRank(this SafeTensorsDType dtype) => dtype switch
    {
        SafeTensorsDType.F32 => 0,
        SafeTensorsDType.F64 => 1,
        _ => 2,
    };

    /// <summary>Parses a dtype string, or returns the reason it cannot be read.</summary>
    public static bool TryParse(string text, out SafeTensorsDType dtype, out string? problem)
    {
        problem = null;
        switch (text)
        {
            case "F32": dtype = SafeTensorsDType.F32; return true;
            case "F64": dtype = SafeTensorsDType.F64; return true;
            case "I64": dtype = SafeTensorsDType.I64; return true;
        }
        dtype = default;
        problem = Array.IndexOf(KnownButUnsupported, text) >= 0
            ? $"dtype '{text}' is not supported (Kindling reads F32, F64 and I64)"
            : $"unknown dtype '{text}' (Kindling reads F32, F64 and I64)";
        return false;
    }
}
