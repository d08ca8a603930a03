using System.Text.Json;
using Kindling.Training.Metrics;
using static Kindling.Training.Tests.Metrics.FixtureCase;

namespace Kindling.Training.Tests.Metrics;

/// <summary>Oracle: scikit-learn 1.2's roc_curve, precision_recall_curve and average_precision_score
/// (tools/reference/metrics_fixtures.py), on the binary cases, ties included.</summary>
public sealed class BinaryCurvesTests
{
    /// <summary>Summation order differs from NumPy's only inside np.sum over ≤ 100 terms of a step function.</summary>
    private const double SumTolerance = 1e-15;

    public static TheoryData<string> BinaryCases() => ["binary", "binary_never_positive", "binary_ties", "binary_imbalanced"];

    private static double[] Score(FixtureCase c)
    {
        double[,] p = c.Proba;
        return Enumerable.Range(0, p.GetLength(0)).Select(i => p[i, 1]).ToArray();
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void RocCurvePoints_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        RocPoints roc = ClassificationMetrics.RocCurvePoints(c.YTrue, Score(c));
        JsonElement expected = c["roc_curve"];
        Assert.Equal(Doubles(expected.GetProperty("fpr")), roc.Fpr);
        Assert.Equal(Doubles(expected.GetProperty("tpr")), roc.Tpr);
        Assert.Equal(Doubles(expected.GetProperty("thresholds")), roc.Thresholds);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void PrecisionRecallCurve_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        PrecisionRecallPoints pr = ClassificationMetrics.PrecisionRecallCurve(c.YTrue, Score(c));
        JsonElement expected = c["pr_curve"];
        Assert.Equal(Doubles(expected.GetProperty("precision")), pr.Precision);
        Assert.Equal(Doubles(expected.GetProperty("recall")), pr.Recall);
        Assert.Equal(Doubles(expected.GetProperty("thresholds")), pr.Thresholds);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void AveragePrecisionScore_StepWise_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        double expected = Value(c["average_precision"])!.Value;
        Assert.Equal(expected, ClassificationMetrics.AveragePrecisionScore(c.YTrue, Score(c)), SumTolerance);
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void F1BestThreshold_FirstMaximumOverPrecisionRecallThresholds_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        JsonElement expected = c["f1_best_threshold"];
        ThresholdChoice choice = ClassificationMetrics.F1BestThreshold(c.YTrue, Score(c));
        Assert.Equal(expected.GetProperty("threshold").GetDouble(), choice.Threshold);
        Assert.Equal(expected.GetProperty("f1").GetDouble(), choice.F1);
        // The F1 of the labels score >= threshold, scored by f1_score itself.
        int[] yPred = Score(c).Select(s => s >= choice.Threshold ? 1 : 0).ToArray();
        Assert.Equal(expected.GetProperty("f1_check").GetDouble(), ClassificationMetrics.F1Score(c.YTrue, yPred), 1e-15);
    }

    [Fact]
    public void RocCurvePoints_OneClass_Throws()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.RocCurvePoints([1, 1, 1], [0.2, 0.5, 0.9]));
    }
}
