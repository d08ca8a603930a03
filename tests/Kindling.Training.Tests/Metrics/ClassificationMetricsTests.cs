using System.Text.Json;
using Kindling.Training.Metrics;
using static Kindling.Training.Tests.Metrics.FixtureCase;

namespace Kindling.Training.Tests.Metrics;

public sealed class ClassificationMetricsTests
{
    // Ratios of counts and their means are computed in scikit-learn's operation order (NumPy's
    // pairwise sums included), so they agree to the last bit.
    private const double Exact = 0.0;

    // A log goes through NumPy's vectorised log in scikit-learn and glibc's here: up to an ulp apart.
    private const double LogTolerance = 1e-14;

    public static TheoryData<string> Cases() => MetricsFixture.CaseNames();

    [Theory]
    [MemberData(nameof(Cases))]
    public void AccuracyScore_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        Assert.Equal(Value(c["accuracy"])!.Value, ClassificationMetrics.AccuracyScore(c.YTrue, c.YPred), Exact);
        Assert.Equal(Value(c["accuracy_count"])!.Value,
            ClassificationMetrics.AccuracyScore(c.YTrue, c.YPred, normalize: false), Exact);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BalancedAccuracyScore_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        Assert.Equal(Value(c["balanced_accuracy"])!.Value,
            ClassificationMetrics.BalancedAccuracyScore(c.YTrue, c.YPred), Exact);
        Assert.Equal(Value(c["balanced_accuracy_adjusted"])!.Value,
            ClassificationMetrics.BalancedAccuracyScore(c.YTrue, c.YPred, adjusted: true), Exact);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ConfusionMatrix_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        AssertMatrix(c["confusion_matrix"],
            ClassificationMetrics.ConfusionMatrix(c.YTrue, c.YPred, Enumerable.Range(0, c.NumClasses).ToArray()));
        JsonElement reordered = c["confusion_matrix_labels_rev"];
        AssertMatrix(reordered.GetProperty("matrix"),
            ClassificationMetrics.ConfusionMatrix(c.YTrue, c.YPred, Ints(reordered.GetProperty("labels"))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrecisionRecallFScoreSupport_PerClass_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        foreach ((string key, ZeroDivision zd) in ZeroDivisions)
        {
            JsonElement expected = c["prfs"].GetProperty(key).GetProperty("none");
            JsonElement v = expected.GetProperty("value");
            PerClassScores actual = ClassificationMetrics.PrecisionRecallFScoreSupport(
                c.YTrue, c.YPred, Labels(c), zeroDivision: zd);
            Assert.Equal(Doubles(v.GetProperty("precision")), actual.Precision);
            Assert.Equal(Doubles(v.GetProperty("recall")), actual.Recall);
            Assert.Equal(Doubles(v.GetProperty("f1")), actual.FScore);
            Assert.Equal(Ints(v.GetProperty("support")), actual.Support);

            // scikit-learn warns exactly when some label's precision or recall is 0/0.
            bool noPredicted = Enumerable.Range(0, c.NumClasses).Any(actual.PrecisionIllDefined);
            bool noTrue = Enumerable.Range(0, c.NumClasses).Any(actual.RecallIllDefined);
            if (zd == ZeroDivision.Warn)
            {
                Assert.Equal(HasWarning(expected, "no predicted samples"), noPredicted);
                Assert.Equal(HasWarning(expected, "no true samples"), noTrue);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrecisionRecallFScore_Averages_MatchScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        foreach ((string key, ZeroDivision zd) in ZeroDivisions)
        {
            JsonElement per = c["prfs"].GetProperty(key);
            foreach ((string avgKey, Average average) in Averages(c.NumClasses))
            {
                double[] expected = Doubles(per.GetProperty(avgKey).GetProperty("value"));
                AveragedScores actual = ClassificationMetrics.PrecisionRecallFScore(
                    c.YTrue, c.YPred, average, Labels(c), zeroDivision: zd);
                Assert.Equal(expected, new[] { actual.Precision, actual.Recall, actual.FScore });
            }

            Assert.Equal(Value(per.GetProperty("f1_macro"))!.Value,
                ClassificationMetrics.F1Score(c.YTrue, c.YPred, Average.Macro, Labels(c), zd), Exact);
            Assert.Equal(Value(per.GetProperty("precision_macro"))!.Value,
                ClassificationMetrics.PrecisionScore(c.YTrue, c.YPred, Average.Macro, Labels(c), zd), Exact);
            Assert.Equal(Value(per.GetProperty("recall_weighted"))!.Value,
                ClassificationMetrics.RecallScore(c.YTrue, c.YPred, Average.Weighted, Labels(c), zd), Exact);
            Assert.Equal(Value(per.GetProperty("fbeta2_macro"))!.Value,
                ClassificationMetrics.FBetaScore(c.YTrue, c.YPred, 2.0, Average.Macro, Labels(c), zd), Exact);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void LogLoss_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        AssertRelative(Value(c["log_loss_auto"])!.Value, ClassificationMetrics.LogLoss(c.YTrue, c.Proba));
        AssertRelative(Value(c["log_loss_float32_auto"])!.Value, ClassificationMetrics.LogLoss(c.YTrue, c.Proba32));
        AssertRelative(Value(c["log_loss_eps_1e-15"])!.Value, ClassificationMetrics.LogLoss(c.YTrue, c.Proba, eps: 1e-15));
        AssertRelative(Value(c["log_loss_sum"])!.Value,
            ClassificationMetrics.LogLoss(c.YTrue, c.Proba, normalize: false));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RocAucScore_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        var checks = c.NumClasses == 2
            ? new[] { ("roc_auc_binary", Average.Macro) }
            : [("roc_auc_ovr_macro", Average.Macro), ("roc_auc_ovr_weighted", Average.Weighted)];
        foreach ((string key, Average average) in checks)
        {
            double? expected = Value(c[key]);
            if (expected is null)
            {
                // scikit-learn refused (a class without true samples, or rows that are not probabilities).
                Assert.Throws<ArgumentException>(() => ClassificationMetrics.RocAucScore(c.YTrue, c.Proba, average));
            }
            else
            {
                Assert.Equal(expected.Value, ClassificationMetrics.RocAucScore(c.YTrue, c.Proba, average), Exact);
            }
        }

        double?[] perClass = ClassificationMetrics.RocAucOneVsRest(c.YTrue, c.Proba);
        double?[] expectedPerClass = c["roc_auc_per_class"].EnumerateArray().Select(Value).ToArray();
        Assert.Equal(expectedPerClass, perClass);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TopKAccuracyScore_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        foreach (int k in new[] { 1, 2, 3 })
        {
            double expected = Value(c["top_k"].GetProperty(k.ToString(System.Globalization.CultureInfo.InvariantCulture)))!.Value;
            Assert.Equal(expected, ClassificationMetrics.TopKAccuracyScore(c.YTrue, c.Proba, k), Exact);
            Assert.Equal(expected, ClassificationMetrics.TopKAccuracyScore(c.YTrue, c.Proba32, k), Exact);
        }
    }

    [Fact]
    public void PairwiseSum_MatchesNumPySumBitForBit()
    {
        foreach (JsonElement s in MetricsFixture.Root.GetProperty("pairwise_sums").EnumerateArray())
        {
            double[] values = Doubles(s.GetProperty("values"));
            Assert.Equal(s.GetProperty("sum").GetDouble(), PairwiseSum.Sum<double>(values));
        }
    }

    internal static readonly (string Key, ZeroDivision Value)[] ZeroDivisions =
        [("warn", ZeroDivision.Warn), ("0", ZeroDivision.Zero), ("1", ZeroDivision.One)];

    internal static int[] Labels(FixtureCase c) => Enumerable.Range(0, c.NumClasses).ToArray();

    private static (string, Average)[] Averages(int numClasses) => numClasses == 2
        ? [("micro", Average.Micro), ("macro", Average.Macro), ("weighted", Average.Weighted), ("binary", Average.Binary)]
        : [("micro", Average.Micro), ("macro", Average.Macro), ("weighted", Average.Weighted)];

    private static void AssertMatrix(JsonElement expected, int[,] actual)
    {
        int[][] rows = expected.EnumerateArray().Select(Ints).ToArray();
        Assert.Equal(rows.Length, actual.GetLength(0));
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i], Enumerable.Range(0, actual.GetLength(1)).Select(j => actual[i, j]).ToArray());
        }
    }

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= LogTolerance * Math.Abs(expected),
            $"expected {expected:R}, got {actual:R}");
}
