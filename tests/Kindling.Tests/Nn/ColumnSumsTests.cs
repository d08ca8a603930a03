using Kindling.Nn;

namespace Kindling.Tests.Nn;

public sealed class ColumnSumsTests
{
    [Theory]
    [InlineData(914, 6)]
    [InlineData(914, 16)]
    [InlineData(256, 256)]
    [InlineData(7, 37)]
    [InlineData(3, 1)]
    [InlineData(0, 5)]
    public void Sum_Float32_EqualsRowOrderScalarSumBitForBit(int rows, int cols)
    {
        var random = new System.Random(rows * 1000 + cols);
        var src = new float[rows * cols];
        for (int i = 0; i < src.Length; i++) src[i] = (float)((random.NextDouble() * 2) - 1) * (i % 7 == 0 ? 1e4f : 1f);
        var actual = new float[cols];
        ColumnSums.Sum<float>(src, rows, cols, actual);
        // The oracle is the scalar loop this replaced: each column summed from row 0 down, in float32.
        for (int j = 0; j < cols; j++)
        {
            float expected = 0;
            for (int i = 0; i < rows; i++) expected += src[i * cols + j];
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(actual[j]));
        }
    }

    [Theory]
    [InlineData(50, 3)]
    [InlineData(33, 19)]
    public void Sum_Float64_EqualsRowOrderScalarSumBitForBit(int rows, int cols)
    {
        var random = new System.Random(rows + cols);
        var src = new double[rows * cols];
        for (int i = 0; i < src.Length; i++) src[i] = ((random.NextDouble() * 2) - 1) * (i % 5 == 0 ? 1e9 : 1);
        var actual = new double[cols];
        ColumnSums.Sum<double>(src, rows, cols, actual);
        for (int j = 0; j < cols; j++)
        {
            double expected = 0;
            for (int i = 0; i < rows; i++) expected += src[i * cols + j];
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual[j]));
        }
    }
}
