namespace Kindling.Data;

/// <summary>Copies chosen rows of a contiguous tensor into a preallocated batch tensor (the collate step).</summary>
static class RowGather
{
    internal static void Copy(Tensor source, ReadOnlySpan<long> rows, Tensor destination)
    {
        switch (source.DType)
        {
            case DType.Float32: Copy(source.Span<float>(), rows, destination.Span<float>()); break;
            case DType.Float64: Copy(source.Span<double>(), rows, destination.Span<double>()); break;
            case DType.Int64: Copy(source.Span<long>(), rows, destination.Span<long>()); break;
            default: Copy(source.Span<bool>(), rows, destination.Span<bool>()); break;
        }
    }

    static void Copy<T>(ReadOnlySpan<T> source, ReadOnlySpan<long> rows, Span<T> destination) where T : unmanaged
    {
        int width = rows.Length == 0 ? 0 : destination.Length / rows.Length;
        for (int i = 0; i < rows.Length; i++)
            source.Slice((int)rows[i] * width, width).CopyTo(destination.Slice(i * width, width));
    }
}
