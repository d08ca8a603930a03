// In-place random fills of whole tensors, shared by Torch.Rand/Randn/..., Kindling.Nn.Init and Dropout.
// Contiguous tensors fill their storage span in order. Non-contiguous ones draw into a scratch buffer in
// memory order (PyTorch's TensorIterator walks dimensions by stride; checked for transposed views) and,
// for normal_, always take the scalar Box–Muller path (RANDOMNESS.md §2.3).
namespace Kindling.Random;

internal static class TensorFill
{
    /// <summary><c>tensor.uniform_(from, to)</c> for float32/float64 tensors.</summary>
    public static Tensor Uniform_(Tensor t, double from, double to, Generator g)
    {
        switch (t.DType)
        {
            case DType.Float32: Fill<float>(t, span => g.Uniform(span, from, to)); break;
            case DType.Float64: Fill<double>(t, span => g.Uniform(span, from, to)); break;
            default: throw Unsupported(t, "uniform_");
        }
        return t;
    }

    /// <summary><c>tensor.normal_(mean, std)</c>: block fill when contiguous with ≥ 16 elements, scalar Box–Muller otherwise.</summary>
    public static Tensor Normal_(Tensor t, double mean, double std, Generator g)
    {
        bool contiguous = t.IsContiguous;
        switch (t.DType)
        {
            case DType.Float32:
                Fill<float>(t, span => { if (contiguous) g.Normal(span, mean, std); else g.NormalScalar(span, mean, std); });
                break;
            case DType.Float64:
                Fill<double>(t, span => { if (contiguous) g.Normal(span, mean, std); else g.NormalScalar(span, mean, std); });
                break;
            default: throw Unsupported(t, "normal_");
        }
        return t;
    }

    /// <summary><c>tensor.bernoulli_(p)</c> with a scalar p (one random64 per element).</summary>
    public static Tensor Bernoulli_(Tensor t, double p, Generator g)
    {
        switch (t.DType)
        {
            case DType.Float32: Fill<float>(t, span => g.Bernoulli(span, p)); break;
            case DType.Float64: Fill<double>(t, span => g.Bernoulli(span, p)); break;
            default: throw Unsupported(t, "bernoulli_");
        }
        return t;
    }

    /// <summary><c>tensor.random_(low, high)</c> on an int64 tensor.</summary>
    public static Tensor RandInt_(Tensor t, long low, long high, Generator g)
    {
        if (t.DType != DType.Int64) throw Unsupported(t, "random_(low, high)");
        Fill<long>(t, span => g.RandInt(span, low, high));
        return t;
    }

    delegate void SpanFill<T>(Span<T> span);

    static void Fill<T>(Tensor t, SpanFill<T> fill) where T : unmanaged
    {
        if (t.IsContiguous)
        {
            fill(t.Span<T>());
            return;
        }
        var scratch = new T[t.NumEl];
        fill(scratch);
        var data = t.Data<T>();
        int k = 0;
        foreach (int offset in MemoryOrderOffsets(t)) data[offset] = scratch[k++];
    }

    /// <summary>Storage offsets of every element, dimensions ordered from largest to smallest stride.</summary>
    static IEnumerable<int> MemoryOrderOffsets(Tensor t)
    {
        int[] shape = t._shape, strides = t._strides;
        int dims = shape.Length;
        var order = Enumerable.Range(0, dims).OrderByDescending(d => strides[d]).ToArray();   // stable
        var index = new int[dims];
        for (int n = 0; n < t.NumEl; n++)
        {
            int offset = t._offset;
            for (int d = 0; d < dims; d++) offset += index[d] * strides[order[d]];
            yield return offset;
            for (int d = dims - 1; d >= 0; d--)
            {
                if (++index[d] < shape[order[d]]) break;
                index[d] = 0;
            }
        }
    }

    static ArgumentException Unsupported(Tensor t, string op) =>
        new($"{op} is not implemented for dtype {t.DType}; use a Float32 or Float64 tensor (Int64 for random_).", "tensor");
}
