namespace Kindling.Training.Io;

/// <summary>What a safetensors file holds: its tensors (in file order) and its <c>__metadata__</c> strings.</summary>
public sealed class SafeTensorsContent
{
    readonly Dictionary<string, NamedArray> byName;

    /// <summary>The tensors in the order their bytes appear in the file.</summary>
    public IReadOnlyList<NamedArray> Tensors { get; }

    /// <summary>The <c>__metadata__</c> map (empty when the file has none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    internal SafeTensorsContent(IReadOnlyList<NamedArray> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Tensors = tensors;
        Metadata = metadata;
        byName = new Dictionary<string, NamedArray>(tensors.Count, StringComparer.Ordinal);
        foreach (var t in tensors) byName.Add(t.Name, t);
    }

    /// <summary>The tensor with this name.</summary>
    /// <exception cref="KeyNotFoundException">No tensor has that name; the message lists the names present.</exception>
    public NamedArray this[string name] => byName.TryGetValue(name, out var t) ? t
        : throw new KeyNotFoundException($"No tensor named '{name}'; the file holds: {string.Join(", ", byName.Keys)}.");

    /// <summary>Looks a tensor up by name.</summary>
    public bool TryGetTensor(string name, out NamedArray tensor) => byName.TryGetValue(name, out tensor!);
}
