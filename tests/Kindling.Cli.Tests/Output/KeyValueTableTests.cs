using System.Text.Json.Nodes;

namespace Kindling.Cli.Tests.Output;

/// <summary>Settings as <c>inspect</c> shows them: rounded for people, never in exponent form.</summary>
public sealed class KeyValueTableTests
{
    [Theory]
    [InlineData("0.07400000000000001", "0.074")]
    [InlineData("0.30000000000000004", "0.3")]
    [InlineData("100", "100")]
    [InlineData("1e-05", "0.00001")]
    [InlineData("0.0001234567", "0.000123457")]
    [InlineData("\"0.2\"", "0.2")]
    [InlineData("true", "true")]
    [InlineData("null", "-")]
    public void Human_RoundsNumbersToSixSignificantDigits(string json, string expected) =>
        Assert.Equal(expected, KeyValueTable.Human(JsonNode.Parse(json)));
}
