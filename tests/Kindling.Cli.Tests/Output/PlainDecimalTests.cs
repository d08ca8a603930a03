using System.Globalization;

namespace Kindling.Cli.Tests.Output;

/// <summary>Probabilities in predict's CSV: plain decimals that read back to the same float (the oracle is
/// float.Parse, .NET's own round trip).</summary>
public sealed class PlainDecimalTests
{
    [Theory]
    [InlineData(1.23e-05f, "0.0000123")]
    [InlineData(0.5f, "0.5")]
    [InlineData(1f, "1")]
    [InlineData(0f, "0")]
    [InlineData(1e-45f, "0.000000000000000000000000000000000000000000001")]
    [InlineData(-2.5e-7f, "-0.00000025")]
    [InlineData(3.4e38f, "340000000000000000000000000000000000000")]
    public void Format_Float_IsPlainDecimal(float value, string expected) => Assert.Equal(expected, PlainDecimal.Format(value));

    [Fact]
    public void Format_RandomFloats_RoundTripWithoutExponent()
    {
        var random = new System.Random(18);
        for (int i = 0; i < 20_000; i++)
        {
            // Probabilities span many decades: 10^-30 .. 1.
            float value = (float)(random.NextDouble() * Math.Pow(10, -random.Next(0, 30)));
            string text = PlainDecimal.Format(value);
            Assert.DoesNotContain("E", text, StringComparison.Ordinal);
            Assert.Equal(value, float.Parse(text, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Format_Double_RoundTrips()
    {
        foreach (double value in new[] { 0.07400000000000001, 1e-300, 6.02e23, -1.5e-9 })
            Assert.Equal(value, double.Parse(PlainDecimal.Format(value), CultureInfo.InvariantCulture));
    }
}
