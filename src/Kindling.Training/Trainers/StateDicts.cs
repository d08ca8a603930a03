namespace Kindling.Training;

/// <summary>Helpers over <c>name → tensor</c> state dictionaries.</summary>
static class StateDicts
{
    /// <summary>A deep copy, detached from any graph: a snapshot that later steps cannot change.</summary>
    public static OrderedDictionary<string, Tensor> Clone(IEnumerable<KeyValuePair<string, Tensor>> state)
    {
        var copy = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in state)
            copy[name] = tensor.Detach().Clone();
        return copy;
    }

    /// <summary>Overwrites the snapshot <paramref name="into"/> (made by <see cref="Clone"/> of the same state) in place.</summary>
    public static void CopyInto(OrderedDictionary<string, Tensor> into, IEnumerable<KeyValuePair<string, Tensor>> state)
    {
        using (Torch.NoGrad())
        {
            foreach (var (name, tensor) in state) into[name].Copy_(tensor.Detach());
        }
    }

    /// <summary>True when every floating-point value is finite.</summary>
    public static bool AllFinite(IEnumerable<Tensor> tensors)
    {
        foreach (var t in tensors)
        {
            if (t.DType == DType.Float32)
            {
                foreach (float v in t.Contiguous().Span<float>()) if (!float.IsFinite(v)) return false;
            }
            else if (t.DType == DType.Float64)
            {
                foreach (double v in t.Contiguous().Span<double>()) if (!double.IsFinite(v)) return false;
            }
        }
        return true;
    }
}
