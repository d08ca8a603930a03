namespace Kindling.Data.Tests.Features;

using static FeatureTestData;

public sealed class ImputerAndEncoderTests
{
    static readonly System.Text.Json.JsonElement Golden = Fixtures.Load("data_mixed.json");

    [Theory]
    [InlineData("mean", ImputeStrategy.Mean)]
    [InlineData("median", ImputeStrategy.Median)]
    [InlineData("most_frequent", ImputeStrategy.MostFrequent)]
    [InlineData("constant", ImputeStrategy.Constant)]
    public void SimpleImputer_WithIndicator_MatchesSklearn(string name, ImputeStrategy strategy)
    {
        var g = Golden.GetProperty("imputer").GetProperty(name);
        var numeric = Golden.GetProperty("numeric").Strings();
        var imputer = SimpleImputer.Fit(Columns(Mixed(), numeric), strategy, fillValue: 0, addIndicator: true);
        AssertClose(g.GetProperty("statistics").Doubles(), imputer.Statistics, 1e-12);
        Assert.Equal(g.GetProperty("indicator_features").Longs().Select(v => (int)v), imputer.IndicatorFeatures);
        AssertClose(g.GetProperty("train").Matrix(), imputer.Transform(Columns(Mixed(), numeric)));
        AssertClose(g.GetProperty("test").Matrix(), imputer.Transform(Columns(MixedTest(), numeric)));
    }

    [Fact]
    public void SimpleImputer_AllMissingColumn_Throws()
    {
        var e = Assert.Throws<DataException>(() => SimpleImputer.Fit(new double[,] { { 1, double.NaN }, { 2, double.NaN } }));
        Assert.Contains("every value of this column is missing", e.Message);
    }

    [Fact]
    public void SimpleImputer_NaNFillValue_Throws()
    {
        var e = Assert.Throws<DataException>(() => SimpleImputer.Fit(new double[,] { { 1 } }, ImputeStrategy.Constant, double.NaN));
        Assert.Contains("NaN or Inf would be left after imputation", e.Message);
    }

    [Fact]
    public void OneHotEncoder_UnknownCategory_MatchesSklearnIgnore()
    {
        var g = Golden.GetProperty("onehot");
        var fill = g.GetProperty("fill").Strings();
        string[,] Labels(Frame f)
        {
            var x = new string[f.RowCount, 2];
            for (int j = 0; j < 2; j++)
                for (int i = 0; i < f.RowCount; i++)
                    x[i, j] = ((CategoricalColumn)f[j == 0 ? "color" : "size"])[i] ?? fill[j];
            return x;
        }
        var encoder = OneHotEncoder.Fit(Labels(Mixed()));
        var categories = g.GetProperty("categories").EnumerateArray().Select(c => c.Strings()).ToArray();
        Assert.Equal(categories.Length, encoder.Categories.Count);
        for (int j = 0; j < categories.Length; j++) Assert.Equal(categories[j], encoder.Categories[j]);
        AssertClose(g.GetProperty("train").Matrix(), encoder.Transform(Labels(Mixed())), 0);
        AssertClose(g.GetProperty("test").Matrix(), encoder.Transform(Labels(MixedTest())), 0);
    }
}
