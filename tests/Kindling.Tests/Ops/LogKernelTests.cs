namespace Kindling.Tests.Ops;

/// <summary>The vectorised log against <see cref="Math.Log(double)"/>: within one ulp, and equal once rounded to float32.</summary>
public sealed class LogKernelTests
{
    [Fact]
    public void LogInPlace_AcrossTheRange_WithinOneUlpOfMathLog()
    {
        var random = new System.Random(5);
        var x = new double[90_001];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (i % 3) switch
            {
                0 => Math.Exp(((random.NextDouble() * 2) - 1) * 700),
                1 => 1 + ((random.NextDouble() - 0.5) * 1e-3),   // near 1, where ln x is small
                _ => random.NextDouble() * 10,
            };
        }
        var y = (double[])x.Clone();
        LogKernel.LogInPlace(y);
        for (int i = 0; i < x.Length; i++)
        {
            double expected = Math.Log(x[i]);
            long ulps = Math.Abs(BitConverter.DoubleToInt64Bits(expected) - BitConverter.DoubleToInt64Bits(y[i]));
            Assert.True(ulps <= 1, $"ln({x[i]:R}) = {y[i]:R}, Math.Log gives {expected:R}");
            Assert.Equal((float)expected, (float)y[i]);
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(1.0)]
    [InlineData(4.9e-324)]                  // the smallest subnormal
    [InlineData(1e-310)]
    [InlineData(double.MaxValue)]
    [InlineData(1.4142135623730951)]        // √2, the reduction's edge
    public void LogInPlace_SpecialAndEdgeValues_AsMathLog(double x)
    {
        var y = new[] { x };
        LogKernel.LogInPlace(y);
        Assert.Equal(Math.Log(x), y[0]);
    }
}
