namespace Kindling.Tests.Ops;

/// <summary>The vectorised exp against <see cref="Math.Exp(double)"/> (the C runtime's, correctly rounded or within
/// one ulp): the two may differ by one ulp, never more, and never once rounded to float32.</summary>
public sealed class ExpKernelTests
{
    [Fact]
    public void ExpInPlace_AcrossTheRange_WithinOneUlpOfMathExp()
    {
        var random = new System.Random(3);
        var x = new double[100_003];   // not a multiple of the vector width: the tail takes the same path
        for (int i = 0; i < x.Length; i++) x[i] = ((random.NextDouble() * 2) - 1) * 745;
        var e = (double[])x.Clone();
        ExpKernel.ExpInPlace(e);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Exp(x[i]);
            Assert.True(UlpDistance(expected, e[i]) <= 1, $"exp({x[i]:R}) = {e[i]:R}, Math.Exp gives {expected:R}");
            Assert.Equal((float)expected, (float)e[i]);
        }
    }

    [Theory]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(0.0, 1.0)]
    [InlineData(-746.0, 0.0)]
    [InlineData(710.0, double.PositiveInfinity)]
    public void ExpInPlace_SpecialValues_AsMathExp(double x, double expected)
    {
        var e = new[] { x };
        ExpKernel.ExpInPlace(e);
        Assert.Equal(expected, e[0]);
    }

    [Theory]
    [InlineData(709.7)]      // 2^1024 · e^r: the scale needs two factors
    [InlineData(-708.5)]     // a denormal result
    [InlineData(-740.0)]
    public void ExpInPlace_EdgesOfTheExponentRange_WithinOneUlp(double x)
    {
        var e = new[] { x };
        ExpKernel.ExpInPlace(e);
        Assert.True(UlpDistance(Math.Exp(x), e[0]) <= 1, $"{e[0]:R} vs {Math.Exp(x):R}");
    }

    private static long UlpDistance(double a, double b) =>
        Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b));
}
