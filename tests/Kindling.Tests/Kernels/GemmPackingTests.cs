using Kindling.Kernels;

namespace Kindling.Tests.Kernels;

/// <summary>Packing is a copy: every packed element equals the source element the layout names (register-transposed
/// tiles, ragged edges and zero padding alike).</summary>
public sealed unsafe class GemmPackingTests
{
    [Theory]
    [InlineData(8, false)]
    [InlineData(8, true)]
    [InlineData(6, false)]
    [InlineData(6, true)]
    [InlineData(4, false)]
    public void PackA_EveryLayout_CopiesExactly(int mr, bool transposed)
    {
        foreach (var (rows, kc) in new[] { (8, 8), (6, 16), (21, 37), (13, 5), (64, 256), (1, 1) })
        {
            int ld = transposed ? rows + 3 : kc + 5;   // padded leading dimension
            float[] a = GemmReference.RandomFloats(ld * (transposed ? kc : rows), 11);
            nint rowStride = transposed ? 1 : ld, kStride = transposed ? ld : 1;
            int panels = (rows + mr - 1) / mr;
            var packed = new float[panels * mr * kc];
            fixed (float* pa = a, pd = packed)
            {
                GemmPacking.PackA(pa, rowStride, kStride, rows, kc, mr, pd);
            }

            for (int i = 0; i < panels * mr; i++)
            {
                for (int p = 0; p < kc; p++)
                {
                    float expected = i < rows ? a[(i * rowStride) + (p * kStride)] : 0f;
                    float actual = packed[((i / mr) * mr * kc) + (p * mr) + (i % mr)];
                    Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(actual), $"mr {mr} {rows}x{kc} row {i} k {p}");
                }
            }
        }
    }

    [Theory]
    [InlineData(32, false)]
    [InlineData(32, true)]
    [InlineData(16, true)]
    [InlineData(8, true)]
    public void PackBPanel_EveryLayout_CopiesExactly(int nr, bool transposed)
    {
        foreach (var (kc, cols) in new[] { (8, 8), (256, nr), (37, nr - 3), (5, 1), (17, 9) })
        {
            if (cols > nr || cols < 1)
            {
                continue;
            }

            int ld = transposed ? kc + 4 : cols + 2;
            float[] b = GemmReference.RandomFloats(ld * (transposed ? cols : kc), 12);
            nint kStride = transposed ? 1 : ld, colStride = transposed ? ld : 1;
            var packed = new float[kc * nr];
            fixed (float* pb = b, pd = packed)
            {
                GemmPacking.PackBPanel(pb, kStride, colStride, kc, cols, nr, pd);
            }

            for (int p = 0; p < kc; p++)
            {
                for (int j = 0; j < nr; j++)
                {
                    float expected = j < cols ? b[(p * kStride) + (j * colStride)] : 0f;
                    Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(packed[(p * nr) + j]), $"nr {nr} {kc}x{cols} k {p} col {j}");
                }
            }
        }
    }
}
