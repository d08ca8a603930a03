using Kindling.Training.Io;

namespace Kindling.Training;

/// <summary>A state dict (<c>name → tensor</c>) as a safetensors file: what <c>torch.save(model.state_dict())</c>
/// is to PyTorch, in a format other tools read (<c>safetensors.torch.load_file</c>).</summary>
public static class StateDictFile
{
    /// <summary>Writes the tensors (float32, float64, int64) atomically, in the order given.</summary>
    public static void Save(string path, IEnumerable<KeyValuePair<string, Tensor>> state, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafeTensors.Write(path, ToArrays(state), metadata);

    /// <summary>Reads the tensors and the free-text metadata of a safetensors file.</summary>
    /// <exception cref="SafeTensorsException">The file is missing, truncated or corrupted.</exception>
    public static (OrderedDictionary<string, Tensor> State, IReadOnlyDictionary<string, string> Metadata) Load(string path)
    {
        var content = SafeTensors.Read(path);
        return (ToTensors(content.Tensors), content.Metadata);
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
