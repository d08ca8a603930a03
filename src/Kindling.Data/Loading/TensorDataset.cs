// https://pytorch.org/docs/1.13/data.html#torch.utils.data.TensorDataset
namespace Kindling.Data;

/// <summary>A dataset of tensors that share their first dimension: item i is the i-th row of each.</summary>
public sealed class TensorDataset
{
    readonly Tensor[] _tensors;

    /// <summary>Wraps <paramref name="tensors"/> (e.g. features (N, F) and labels (N)); they must agree on size(0).</summary>
    public TensorDataset(params Tensor[] tensors)
    {
        if (tensors.Length == 0) throw new ArgumentException("a TensorDataset needs at least one tensor", nameof(tensors));
        foreach (var t in tensors)
        {
            if (t.Dim == 0) throw new ArgumentException("a TensorDataset tensor needs at least one dimension", nameof(tensors));
            if (t.Size(0) != tensors[0].Size(0))
                throw new ArgumentException($"Size mismatch between tensors: {t.Size(0)} vs {tensors[0].Size(0)} rows", nameof(tensors));
        }
        _tensors = [.. tensors.Select(t => t.IsContiguous ? t : t.Contiguous())];
    }

    /// <summary>The wrapped tensors.</summary>
    public IReadOnlyList<Tensor> Tensors => _tensors;

    /// <summary>Number of items (size(0) of the tensors); Python's <c>len(dataset)</c>.</summary>
    public int Count => _tensors[0].Size(0);

    /// <summary>Item <paramref name="index"/>: row <paramref name="index"/> of each tensor (views).</summary>
    public Tensor[] this[int index] => _tensors.Select(t => t.Select(0, index)).ToArray();
}
