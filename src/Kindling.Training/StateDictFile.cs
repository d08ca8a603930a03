using Kindling.Training.Io;

namespace Kindling.Training;

/// <summary>A state dict (<c>name → tensor</c>) as a safetensors file: what <c>torch.save(model.state_dict())</c>
/// is to PyTorch, in a format other tools read (<c>safetensors.torch.load_file</c>).</summary>
public static class StateDictFile
{
    /// <summary>Writes the tensors (float32, float64, int64) atomically, in the order given.</summary>
    /// <remarks>safetensors has no bool type here: bool tensors are stored as I64 and listed under the metadata
    /// key <c>kindling.bool_tensors</c>, so <see cref="Load"/> gives them back as bool.</remarks>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> state, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var (arrays, meta) = Prepare(state, metadata);
        SafeTensors.Write(path, arrays, meta);
    }

    /// <summary>The arrays (copies: later steps cannot change them) and metadata <see cref="Save"/> writes.</summary>
    internal static (List<NamedArray> Arrays, Dictionary<string, string>? Metadata) Prepare(
        IEnumerable<KeyValuePair<string, Tensor>> state, IReadOnlyDictionary<string, string>? metadata)
    {
        var items = state.ToList();
        var bools = items.Where(kv => kv.Value.DType == DType.Bool).Select(kv => kv.Key).ToList();
        var meta = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>());
        if (bools.Count > 0) meta[BoolKey] = string.Join('\n', bools);
        return (ToArrays(items), meta.Count == 0 ? null : meta);
    }

    const string BoolKey = "kindling.bool_tensors";

    /// <summary>Reads the tensors and the free-text metadata of a safetensors file.</summary>
    /// <exception cref="SafeTensorsException">The file is missing, truncated or corrupted.</exception>
    public static (OrderedDictionary<string, Tensor> State, IReadOnlyDictionary<string, string> Metadata) Load(string path)
    {
        var content = SafeTensors.Read(path);
        var state = ToTensors(content.Tensors);
        if (content.Metadata.TryGetValue(BoolKey, out var names))
        {
            foreach (var name in names.Split('\n'))
                if (state.TryGetValue(name, out var t)) state[name] = t.To(DType.Bool);
        }
        return (state, content.Metadata);
    }

    internal static List<NamedArray> ToArrays(IEnumerable<KeyValuePair<string, Tensor>> state)
    {
        var arrays = new List<NamedArray>();
        foreach (var (name, tensor) in state)
        {
            var t = tensor.Detach();
            arrays.Add(t.DType switch
            {
                DType.Float32 => new NamedArray(name, t.ToArray<float>(), t.Shape),
                DType.Float64 => new NamedArray(name, t.ToArray<double>(), t.Shape),
                DType.Int64 => new NamedArray(name, t.ToArray<long>(), t.Shape),
                _ => new NamedArray(name, t.To(DType.Int64).ToArray<long>(), t.Shape),
            });
        }
        return arrays;
    }

    internal static OrderedDictionary<string, Tensor> ToTensors(IEnumerable<NamedArray> arrays)
    {
        var state = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var a in arrays)
        {
            state[a.Name] = a.DType switch
            {
                SafeTensorsDType.F32 => Tensor.FromArray(a.GetData<float>(), a.Shape),
                SafeTensorsDType.F64 => Tensor.FromArray(a.GetData<double>(), a.Shape),
                SafeTensorsDType.I64 => Tensor.FromArray(a.GetData<long>(), a.Shape),
                _ => Tensor.FromArray(a.GetData<long>(), a.Shape),
            };
        }
        return state;
    }
}
