using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kindling.Nn;

/// <summary>Σ over the rows of a row-major (rows, cols) matrix: Linear's bias gradient.</summary>
/// <remarks>Vectorised across columns, while each column is still summed row 0, 1, 2, ... in order, exactly as the
/// scalar loop did, so the result is bit for bit the same (no reassociation of a float sum).</remarks>
internal static class ColumnSums
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sum<T>(ReadOnlySpan<T> src, int rows, int cols, Span<T> dst)
        where T : unmanaged, INumber<T>
    {
        int width = Vector<T>.Count;
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; j + width <= cols; j += width)
            {
                var acc = Vector<T>.Zero;
                for (int i = 0, at = j; i < rows; i++, at += cols)
                    acc += new Vector<T>(src.Slice(at, width));
                acc.CopyTo(dst.Slice(j, width));
            }
        }
        for (; j < cols; j++)
        {
            T acc = T.Zero;
            for (int i = 0, at = j; i < rows; i++, at += cols) acc += src[at];
            dst[j] = acc;
        }
    }
}
