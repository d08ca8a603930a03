using System.Text.Json;

namespace Kindling.Data.Tests.Features;

/// <summary>OneHotEncoder(max_categories, min_frequency, handle_unknown="infrequent_if_exist") against scikit-learn 1.2
/// (tools/reference/data_fixtures.py → data_infrequent.json).</summary>
public sealed class InfrequentCategoriesTests
{
    static readonly JsonElement Golden = Fixtures.Load("data_infrequent.json");

    public static TheoryData<int> Cases() => [.. Enumerable.Range(0, Golden.GetProperty("cases").GetArrayLength())];

    static string[,] Column(string[] labels)
    {
        var x = new string[labels.Length, 1];
        for (int i = 0; i < labels.Length; i++) x[i, 0] = labels[i];
        return x;
    }

    static (int? Max, double? Min) Options(JsonElement c) => (
        c.GetProperty("max_categories").ValueKind == JsonValueKind.Null ? null : c.GetProperty("max_categories").GetInt32(),
        c.GetProperty("min_frequency").ValueKind == JsonValueKind.Null ? null : c.GetProperty("min_frequency").GetDouble());

    [Theory]
    [MemberData(nameof(Cases))]
    public void OneHotEncoder_InfrequentGrouping_MatchesSklearn(int index)
    {
        var c = Golden.GetProperty("cases")[index];
        var (max, min) = Options(c);
        var encoder = OneHotEncoder.Fit(Column(Golden.GetProperty("train").Strings()), max, min);
        var names = encoder.Categories[0].Select(k => $"x_{k}").Concat(encoder.HasInfrequent[0] ? ["x_infrequent_sklearn"] : []);
        Assert.Equal(c.GetProperty("names").Strings(), names);
        Assert.Equal(c.GetProperty("transform").Matrix(), encoder.Transform(Column(Golden.GetProperty("test").Strings())));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Preprocessor_InfrequentGrouping_SameColumnsAsSklearnAndSurvivesJson(int index)
    {
        var c = Golden.GetProperty("cases")[index];
        var (max, min) = Options(c);
        var train = Golden.GetProperty("train").Strings();
        var test = Golden.GetProperty("test").Strings();
        Frame Frame(string[] labels) => new([new CategoricalColumn("x", labels), new NumericColumn("y", new double[labels.Length])]);
        var p = Preprocessor.Fit(Frame(train), new PreprocessorOptions { Target = "y", MaxCategories = max, MinFrequency = min });
        Assert.Equal(c.GetProperty("names").Strings(), p.FeatureNames);
        var loaded = Preprocessor.FromJson(p.ToJson());
        Assert.Equal(c.GetProperty("names").Strings(), loaded.FeatureNames);
        var expected = c.GetProperty("transform").Matrix();
        foreach (var q in new[] { p, loaded })
        {
            var m = q.Transform(Frame(test));
            for (int i = 0; i < test.Length; i++)
                for (int j = 0; j < m.Columns; j++) Assert.Equal(expected[i, j], m[i, j]);
            Assert.Equal(expected, q.TransformDouble(Frame(test)));
        }
        // An unseen label lands in the infrequent feature when there is one, so it is not reported as zeroed.
        Assert.Equal(p.OneHot!.HasInfrequent[0], p.FindUnseen(Frame(["unseen"])).Count == 0);
    }

    [Fact]
    public void Preprocessor_WithoutInfrequentGroups_SavesTheSameJsonAsBefore()
    {
        var p = Preprocessor.Fit(new Frame([new CategoricalColumn("x", ["a", "b"]), new NumericColumn("y", [0, 1])]),
            new PreprocessorOptions { Target = "y" });
        Assert.DoesNotContain("Infrequent", p.ToJson());
        Assert.DoesNotContain("MaxCategories", p.ToJson());
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(null, 0.0)]
    [InlineData(null, 1.5)]
    [InlineData(null, -1.0)]
    public void OneHotEncoder_BadOptions_Throw(int? max, double? min) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OneHotEncoder.Fit(Column(["a"]), max, min));
}
