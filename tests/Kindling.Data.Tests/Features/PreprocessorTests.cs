namespace Kindling.Data.Tests.Features;

using static FeatureTestData;
using Csv = Kindling.Data.Csv;

public sealed class PreprocessorTests
{
    static readonly System.Text.Json.JsonElement Mixed_ = Fixtures.Load("data_mixed.json");
    static readonly System.Text.Json.JsonElement Wine_ = Fixtures.Load("data_wineqt.json");

    public static TheoryData<int> PipelineCases => [0, 1, 2, 3];

    static PreprocessorOptions OptionsOf(System.Text.Json.JsonElement p) => new()
    {
        Target = "label",
        Impute = p.GetProperty("impute").GetString() switch
        {
            "mean" => ImputeStrategy.Mean,
            "median" => ImputeStrategy.Median,
            "most_frequent" => ImputeStrategy.MostFrequent,
            _ => ImputeStrategy.Constant,
        },
        Scaler = p.GetProperty("scaler").GetString() switch { "standard" => ScalerKind.Standard, "minmax" => ScalerKind.MinMax, _ => ScalerKind.None },
        AddIndicator = p.GetProperty("add_indicator").GetBoolean(),
    };

    [Theory]
    [MemberData(nameof(PipelineCases))]
    public void Pipeline_MixedCsv_MatchesSklearnColumnTransformer(int index)
    {
        var p = Mixed_.GetProperty("pipelines")[index];
        var pre = Preprocessor.Fit(Mixed(), OptionsOf(p));
        Assert.Equal(p.GetProperty("feature_names").Strings(), pre.FeatureNames);
        AssertClose(p.GetProperty("train").Matrix(), pre.TransformDouble(Mixed()));
        var testFrame = Csv.Read(RepoPaths.TestData("mixed_test.csv"), new CsvOptions { ColumnKinds = pre.ColumnKinds });
        AssertClose(p.GetProperty("test").Matrix(), pre.TransformDouble(testFrame));
    }

    [Theory]
    [MemberData(nameof(PipelineCases))]
    public void Json_RoundTrip_TransformsIdentically(int index)
    {
        var pre = Preprocessor.Fit(Mixed(), OptionsOf(Mixed_.GetProperty("pipelines")[index]));
        var loaded = Preprocessor.FromJson(pre.ToJson());
        Assert.Equal(pre.FeatureNames, loaded.FeatureNames);
        Assert.Equal(pre.Transform(MixedTest()).Data, loaded.Transform(MixedTest()).Data);
        Assert.Equal(pre.ToJson(), loaded.ToJson());
    }

    [Fact]
    public void Pipeline_WineFitOnTrainingRowsOnly_MatchesSklearn()
    {
        var g = Wine_.GetProperty("standard_first_800");
        int train = g.GetProperty("train_rows").GetInt32();
        var frame = Wine();
        var pre = Preprocessor.Fit(frame, new PreprocessorOptions { Target = "quality", Drop = ["Id"] }, Enumerable.Range(0, train).ToArray());
        Assert.Equal(Wine_.GetProperty("features").Strings(), pre.FeatureNames);
        AssertClose(g.GetProperty("mean").Doubles(), pre.Standard!.Mean, 1e-12);
        var expected = g.GetProperty("matrix").Matrix();
        AssertClose(expected, pre.TransformDouble(frame));
        // float32 output: the float64 result rounded once.
        var m = pre.Transform(frame);
        Assert.Equal((frame.RowCount, 11), (m.Rows, m.Columns));
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < m.Columns; j++) Assert.Equal((float)expected[i, j], m[i, j], 1e-6f);
        Assert.Equal([frame.RowCount, 11], m.ToTensor().Shape);
    }

    [Fact]
    public void Fit_InfiniteValue_NamesLineAndColumn()
    {
        var frame = Csv.ReadText("a,b\n1,2\ninf,3\n4,5\n", new CsvOptions { SourceName = "inf.csv" });
        var e = Assert.Throws<DataException>(() => Preprocessor.Fit(frame));
        Assert.Equal((3, "a"), (e.Line, e.Column));
        Assert.Contains("NaN/Inf would be left after imputation", e.Message);
    }

    [Fact]
    public void Transform_InfiniteValue_NamesLineAndColumn()
    {
        var pre = Preprocessor.Fit(Csv.ReadText("a\n1\n2\n"));
        var e = Assert.Throws<DataException>(() => pre.Transform(Csv.ReadText("a\n1\n-inf\n")));
        Assert.Equal((3, "a"), (e.Line, e.Column));
    }

    [Fact]
    public void Fit_AllMissingFeatureColumn_Throws()
    {
        var e = Assert.Throws<DataException>(() => Preprocessor.Fit(Csv.ReadText("a,b,y\n1,,x\n2,,z\n"), new PreprocessorOptions { Target = "y" }));
        Assert.Equal("b", e.Column);
        Assert.Contains("every value of this column is missing", e.Message);
    }

    [Fact]
    public void Transform_TextInNumericColumn_NamesLineAndColumn()
    {
        var pre = Preprocessor.Fit(Csv.ReadText("a,b\n1,2\n3,4\n"));
        var e = Assert.Throws<DataException>(() => pre.Transform(Csv.ReadText("a,b\n1,2\n3,oops\n")));
        Assert.Equal((3, "b"), (e.Line, e.Column));
        Assert.Contains("'oops' is not a number", e.Message);
    }

    [Fact]
    public void Transform_MissingColumn_ListsColumns()
    {
        var pre = Preprocessor.Fit(Csv.ReadText("a,b\n1,2\n3,4\n"));
        var e = Assert.Throws<DataException>(() => pre.Transform(Csv.ReadText("a,c\n1,2\n")));
        Assert.Contains("no column named 'b'", e.Message);
    }

    [Fact]
    public void FromJson_Garbage_ThrowsDataException()
    {
        Assert.Throws<DataException>(() => Preprocessor.FromJson("[]"));
        Assert.Throws<DataException>(() => Preprocessor.FromJson("{\"Options\": {}, \"NumericColumns\": [\"a\"], \"CategoricalColumns\": []}"));
    }
}
