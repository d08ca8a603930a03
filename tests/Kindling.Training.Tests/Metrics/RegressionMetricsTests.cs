using System.Text.Json;
using Kindling.Training.Metrics;

namespace Kindling.Training.Tests.Metrics;

/// <summary>Oracle: scikit-learn 1.2 (tools/reference/regression_metrics_fixtures.py → regression_metrics.json).</summary>
public sealed class RegressionMetricsTests
{
    /// <summary>Same formulas in the same summation order: only the last bits may differ.</summary>
    const double Tolerance = 1e-12;

    static readonly Lazy<JsonDocument> Fixture = new(() =>
        JsonDocument.Parse(File.ReadAllText(FixturePaths.Fixture("regression_metrics.json"))));

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in Fixture.Value.RootElement.GetProperty("cases").EnumerateArray()) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_MatchesScikitLearn(string name)
    {
        var c = Fixture.Value.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        double[] yTrue = Doubles(c.GetProperty("y_true")), yPred = Doubles(c.GetProperty("y_pred"));
        var r = RegressionReport.Create(yTrue, yPred);
        Close(c, "r2", r.R2);
        Close(c, "mae", r.MeanAbsoluteError);
        Close(c, "mse", r.MeanSquaredError);
        Close(c, "rmse", r.RootMeanSquaredError);
        Close(c, "mape", r.MeanAbsolutePercentageError);
        Close(c, "median_ae", r.MedianAbsoluteError);
        Close(c, "explained_variance", r.ExplainedVariance);
        Assert.Equal(yTrue.Length, r.Rows);
    }

    [Fact]
    public void R2Score_LengthMismatch_NamesBothCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => RegressionMetrics.R2Score([1.0, 2.0], [1.0]));
        Assert.Contains("2", e.Message);
        Assert.Contains("1", e.Message);
    }

    static void Close(JsonElement c, string key, double actual)
    {
        var expected = c.GetProperty(key);
        if (expected.ValueKind == JsonValueKind.Null)
        {
            Assert.True(double.IsNaN(actual), $"{key}: expected NaN (sklearn's nan), got {actual}");
            return;
        }
        double e = expected.GetDouble();
        Assert.True(Math.Abs(actual - e) <= Tolerance * Math.Max(1, Math.Abs(e)), $"{key}: expected {e:R}, got {actual:R}");
    }

    static double[] Doubles(JsonElement e) => e.EnumerateArray().Select(v => v.GetDouble()).ToArray();
}
