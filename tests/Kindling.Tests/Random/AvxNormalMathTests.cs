using Kindling.Random;

namespace Kindling.Tests.Random;

/// <summary>The eight-lane kernel must equal the verified scalar model of PyTorch's AVX2 normal kernel
/// (RANDOMNESS.md §2.4c, itself checked exhaustively against GCC's build) bit for bit.</summary>
public sealed class AvxNormalMathTests
{
    [Fact]
    public void Block16Vector_ManyUniformBlocks_EqualsScalarModelBitForBit()
    {
        if (!AvxNormalMath.VectorSupported) return;   // the scalar model is the only path on this CPU
        var g = new Generator(2024);
        var input = new float[16];
        for (int trial = 0; trial < 20000; trial++)
        {
            g.FillFloat24(input);
            if (trial == 0) { input[0] = 0f; input[8] = 0f; input[1] = 1f - 1f / 16777216f; input[9] = 1f - 1f / 16777216f; }
            var scalar = (float[])input.Clone();
            var vector = (float[])input.Clone();
            float mean = trial % 3 == 0 ? 0f : 2.5f, std = trial % 3 == 0 ? 1f : 0.3f;
            AvxNormalMath.Block16Scalar(scalar, mean, std);
            AvxNormalMath.Block16Vector(vector, mean, std);
            for (int i = 0; i < 16; i++)
                Assert.True(BitConverter.SingleToUInt32Bits(scalar[i]) == BitConverter.SingleToUInt32Bits(vector[i]),
                    $"trial {trial} lane {i}: u={input[i]:R} scalar {scalar[i]:R} vector {vector[i]:R}");
        }
    }
}
