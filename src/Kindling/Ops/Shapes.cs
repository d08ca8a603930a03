namespace Kindling;

/// <summary>Shape and stride arithmetic shared by every op: element counts, dim wrapping, broadcasting.</summary>
internal static class Shapes
{
    public static int NumEl(ReadOnlySpan<int> shape)
    {
        long n = 1;
        foreach (int s in shape)
        {
            if (s < 0) throw new ArgumentException($"negative dimension {s} in shape {Format(shape)}.");
            n *= s;
        }
        if (n > int.MaxValue) throw new ArgumentException($"shape {Format(shape)} has more than {int.MaxValue} elements.");
        return (int)n;
    }

    public static int[] ContiguousStrides(int[] shape)
    {
        var strides = new int[shape.Length];
        int s = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= Math.Max(shape[i], 1);
        }
        return strides;
    }

    public static bool IsContiguous(int[] shape, int[] strides)
    {
        int expected = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            if (shape[i] == 1) continue;
            if (shape[i] == 0) return true;
            if (strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    /// <summary>Maps a possibly negative <paramref name="dim"/> into [0, rank), as PyTorch's dim wrapping.</summary>
    public static int WrapDim(int dim, int rank)
    {
        int r = Math.Max(rank, 1);
        if (dim < -r || dim >= r)
            throw new ArgumentOutOfRangeException(nameof(dim),
                $"Dimension out of range (expected to be in range of [{-r}, {r - 1}], but got {dim})");
        return dim < 0 ? dim + r : dim;
    }

    /// <summary>"[3, 4]", as PyTorch prints sizes in messages.</summary>
    public static string Format(ReadOnlySpan<int> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <summary>The broadcast shape of <paramref name="a"/> and <paramref name="b"/>
    /// (https://pytorch.org/docs/stable/notes/broadcasting.html).</summary>
    public static int[] Broadcast(int[] a, int[] b)
    {
        if (a.AsSpan().SequenceEqual(b)) return a;
        int rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (int i = 0; i < rank; i++)
        {
            int da = i - (rank - a.Length), db = i - (rank - b.Length);
            int sa = da >= 0 ? a[da] : 1, sb = db >= 0 ? b[db] : 1;
            if (sa != sb && sa != 1 && sb != 1)
                throw new ArgumentException(
                    $"The size of tensor a ({sa}) must match the size of tensor b ({sb}) at non-singleton dimension {i} " +
                    $"(shapes {Format(a)} and {Format(b)}).");
            result[i] = sa == 1 ? sb : sa;
        }
        return result;
    }

    /// <summary>Strides that read <paramref name="t"/> as if expanded to <paramref name="shape"/> (0 on broadcast dims).</summary>
    public static int[] BroadcastStrides(Tensor t, int[] shape)
    {
        var strides = new int[shape.Length];
        int lead = shape.Length - t._shape.Length;
        for (int i = 0; i < t._shape.Length; i++)
            strides[lead + i] = t._shape[i] == 1 && shape[lead + i] != 1 ? 0 : t._strides[i];
        return strides;
    }
}
