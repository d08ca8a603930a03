using System.Globalization;

namespace Kindling.Data.Tests.Schema;

using Schema = Kindling.Data.Schema;

/// <summary>The numeric column summary (counted by bits, few values formatted) against the definition it shortcuts:
/// format every value with "R", count the texts, order by count then ordinal text (the oracle below).</summary>
public sealed class NumericSummaryTests
{
    public static TheoryData<string> Shapes => ["normal6", "integers", "unique-positive", "tiny-and-huge", "zeros", "few-ties", "all-missing"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Describe_Numeric_EqualsFormattingEveryValue(string shape)
    {
        var random = new System.Random(shape.GetHashCode(StringComparison.Ordinal) & 0xFFFF);
        var values = new double[5000];
        for (int i = 0; i < values.Length; i++)
        {
            double g = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            values[i] = shape switch
            {
                "normal6" => double.Parse(g.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                "integers" => random.Next(-3, 12),
                "unique-positive" => 1 + random.NextDouble() * 1000,
                "tiny-and-huge" => random.Next(4) switch { 0 => g * 1e-7, 1 => g * 1e17, 2 => g * 1e-4, _ => g },
                "zeros" => random.Next(3) switch { 0 => 0.0, 1 => -0.0, _ => g },
                "few-ties" => random.Next(200) / 8.0 - 10,
                _ => double.NaN,
            };
            if (random.Next(50) == 0) values[i] = double.NaN;
        }
        var column = new NumericColumn("x", values);
        var actual = Schema.Describe(column);
        var (distinct, top) = Oracle(values);
        Assert.Equal(distinct, actual.Distinct);
        Assert.Equal(top, actual.Top);
        Assert.Equal(values.Count(double.IsNaN), actual.Missing);
    }

    static (int Distinct, ValueCount[] Top) Oracle(double[] values)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (double v in values)
        {
            if (double.IsNaN(v)) continue;
            var key = v.ToString("R", CultureInfo.InvariantCulture);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var top = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(Schema.TopCount).Select(kv => new ValueCount(kv.Key, kv.Value)).ToArray();
        return (counts.Count, top);
    }
}
