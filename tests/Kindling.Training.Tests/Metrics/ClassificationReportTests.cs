using System.Text.Json;
using System.Text.Json.Serialization;
using Kindling.Training.Metrics;
using static Kindling.Training.Tests.Metrics.FixtureCase;

namespace Kindling.Training.Tests.Metrics;

public sealed class ClassificationReportTests
{
    private const double LogTolerance = 1e-14; // NumPy's vectorised log vs glibc's, as in ClassificationMetricsTests

    [Theory]
    [InlineData("multiclass")]
    [InlineData("absent_from_true")]
    [InlineData("binary")]
    [InlineData("absent_from_test")]
    [InlineData("binary_ties")]
    public void Create_EveryField_MatchesScikitLearn(string name)
    {
        FixtureCase c = MetricsFixture.Case(name);
        ClassificationReport r = ClassificationReport.Create(c.YTrue, c.YPred, c.NumClasses, c.Proba);
        // scikit-learn's defaults (labels=None): the averages and rows cover unique_labels(y_true, y_pred).
        JsonElement defaults = c["default_labels"];
        int[] present = Ints(defaults.GetProperty("labels"));
        Assert.Equal(Value(c["accuracy"]), r.Accuracy);
        Assert.Equal(Value(c["balanced_accuracy"]), r.BalancedAccuracy);
        Assert.Equal(Doubles(defaults.GetProperty("macro")),
            new[] { r.MacroAverage.Precision, r.MacroAverage.Recall, r.MacroAverage.FScore });
        Assert.Equal(defaults.GetProperty("f1_macro").GetDouble(), r.MacroAverage.FScore);
        Assert.Equal(Doubles(defaults.GetProperty("weighted")),
            new[] { r.WeightedAverage.Precision, r.WeightedAverage.Recall, r.WeightedAverage.FScore });
        Assert.Equal(Doubles(defaults.GetProperty("micro")),
            new[] { r.MicroAverage.Precision, r.MicroAverage.Recall, r.MicroAverage.FScore });
        Assert.Equal(present, r.PerClass.Select(row => row.Label).ToArray());
        Assert.Equal(Doubles(defaults.GetProperty("none").GetProperty("f1")), r.PerClass.Select(row => row.F1).ToArray());
        Assert.Equal(Ints(defaults.GetProperty("none").GetProperty("support")), r.PerClass.Select(row => row.Support).ToArray());
        Assert.Equal(Enumerable.Range(0, c.NumClasses).Except(present).Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            r.AbsentClasses);
        Assert.Equal(c["confusion_matrix"].EnumerateArray().Select(Ints).ToArray(), r.ConfusionMatrix);
        Assert.True(Math.Abs(Value(c["log_loss_auto"])!.Value - r.LogLoss!.Value) <= LogTolerance * r.LogLoss.Value);
        Assert.Equal(Value(c[c.NumClasses == 2 ? "roc_auc_binary" : "roc_auc_ovr_macro"]), r.RocAucMacro);
        Assert.Equal(present.Select(l => Value(c["roc_auc_per_class"][l])).ToArray(),
            r.PerClass.Select(row => row.RocAuc).ToArray());
        foreach (TopKAccuracy t in r.TopK)
        {
            Assert.Equal(Value(c["top_k"].GetProperty(t.K.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                t.Accuracy);
        }
    }

    [Fact]
    public void Create_ClassMissingFromTruth_NotesIllDefinedValues()
    {
        FixtureCase c = MetricsFixture.Case("absent_from_true");
        ClassificationReport r = ClassificationReport.Create(c.YTrue, c.YPred, c.NumClasses, c.Proba,
            ["a", "b", "c", "d", "e"]);
        Assert.Null(r.RocAucMacro);
        // 'e' is in neither array: listed apart, not averaged in (scikit-learn's unique_labels).
        Assert.Equal(["e"], r.AbsentClasses);
        Assert.DoesNotContain(r.PerClass, row => row.Name == "e");
        Assert.Contains(r.Notes, n => n.Contains("'e' neither occur", StringComparison.Ordinal));
        Assert.Contains(r.Notes, n => n.Contains("'d' has no true samples", StringComparison.Ordinal));
        Assert.Contains(r.Notes, n => n.StartsWith("ROC AUC (macro) is undefined", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_Float32Probabilities_UsesFloat32LogLoss()
    {
        FixtureCase c = MetricsFixture.Case("ties");
        ClassificationReport r = ClassificationReport.Create(c.YTrue, c.YPred, c.NumClasses, c.Proba32);
        double expected = Value(c["log_loss_float32_auto"])!.Value;
        Assert.True(Math.Abs(expected - r.LogLoss!.Value) <= LogTolerance * expected);
    }

    [Fact]
    public void Serialize_SourceGenerated_RoundTrips()
    {
        FixtureCase c = MetricsFixture.Case("never_predicted");
        ClassificationReport r = ClassificationReport.Create(c.YTrue, c.YPred, c.NumClasses, c.Proba);
        string json = JsonSerializer.Serialize(r, ReportJsonContext.Default.ClassificationReport);
        ClassificationReport back = JsonSerializer.Deserialize(json, ReportJsonContext.Default.ClassificationReport)!;
        Assert.Equal(json, JsonSerializer.Serialize(back, ReportJsonContext.Default.ClassificationReport));
        Assert.Contains("\"macroAverage\"", json, StringComparison.Ordinal);
        Assert.Equal(r.ConfusionMatrix, back.ConfusionMatrix);
    }

    [Fact]
    public void Create_LengthMismatch_ThrowsNamingArgument()
    {
        var e = Assert.Throws<ArgumentException>(() => ClassificationReport.Create([0, 1, 1], [0, 1], 2));
        Assert.Equal("yPred", e.ParamName);
        Assert.Contains("3 samples", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_LabelOutOfRange_ThrowsNamingSample()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClassificationReport.Create([0, 5], [0, 1], 3));
        Assert.Contains("yTrue[1] = 5", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>What the NativeAOT CLI does: serialise through source generation, no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ClassificationReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
