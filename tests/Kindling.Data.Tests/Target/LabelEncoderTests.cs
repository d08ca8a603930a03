namespace Kindling.Data.Tests.Target;

using Csv = Kindling.Data.Csv;
using Datasets = Kindling.Data.Datasets;

public sealed class LabelEncoderTests
{
    [Fact]
    public void Fit_WineQuality_MatchesSklearn()
    {
        var golden = Fixtures.Load("data_wineqt.json");
        var frame = Datasets.Load("wineqt");
        var encoder = LabelEncoder.FitTarget(frame, "quality");
        Assert.True(encoder.IsNumeric);
        Assert.Equal(golden.GetProperty("label_classes").Doubles(), encoder.NumericClasses);
        Assert.Equal(["3", "4", "5", "6", "7", "8"], encoder.Classes);
        Assert.Equal(golden.GetProperty("label_codes").Longs(), encoder.Transform(frame, "quality"));
    }

    [Fact]
    public void Fit_TextLabels_MatchesSklearn()
    {
        var golden = Fixtures.Load("data_mixed.json").GetProperty("label");
        var frame = Csv.Read(RepoPaths.TestData("mixed.csv"));
        var encoder = LabelEncoder.FitTarget(frame, "label");
        Assert.Equal(golden.GetProperty("classes").Strings(), encoder.Classes);
        Assert.Equal(golden.GetProperty("codes").Longs(), encoder.Transform(frame, "label"));
    }

    [Fact]
    public void Fit_MixedCaseAndDigits_SortsOrdinallyAsSklearn()
    {
        var golden = Fixtures.Load("data_mixed.json").GetProperty("label");
        var column = new CategoricalColumn("y", golden.GetProperty("tricky").Strings());
        Assert.Equal(golden.GetProperty("tricky_classes").Strings(), LabelEncoder.Fit(column).Classes);
    }

    [Fact]
    public void Transform_UnseenLabel_NamesLabelLineAndClasses()
    {
        var encoder = LabelEncoder.FitTarget(Csv.ReadText("y\na\nb\n"), "y");
        var e = Assert.Throws<DataException>(() => encoder.Transform(Csv.ReadText("y\na\nc\n", new CsvOptions { SourceName = "new.csv" }), "y"));
        Assert.Equal(3, e.Line);
        Assert.Equal("y", e.Column);
        Assert.Contains("label 'c' was not seen in training", e.Message);
        Assert.Contains("'a', 'b'", e.Message);
        Assert.Throws<DataException>(() => encoder.Transform("zzz"));
    }

    [Fact]
    public void FitTarget_MissingColumn_ListsColumns()
    {
        var e = Assert.Throws<DataException>(() => LabelEncoder.FitTarget(Csv.ReadText("a,b\n1,2\n"), "quality"));
        Assert.Contains("no column named 'quality'", e.Message);
        Assert.Contains("'a', 'b'", e.Message);
    }

    [Fact]
    public void FitTarget_SingleClass_Throws()
    {
        var e = Assert.Throws<DataException>(() => LabelEncoder.FitTarget(Csv.ReadText("x,y\n1,a\n2,a\n"), "y"));
        Assert.Contains("single class ('a')", e.Message);
    }

    [Fact]
    public void FitTarget_MissingLabel_NamesTheLine()
    {
        var e = Assert.Throws<DataException>(() => LabelEncoder.FitTarget(Csv.ReadText("x,y\n1,a\n2,\n3,b\n"), "y"));
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void FitTarget_AllMissing_Throws()
    {
        var column = new NumericColumn("y", [double.NaN, double.NaN]);
        var e = Assert.Throws<DataException>(() => LabelEncoder.Fit(column));
        Assert.Contains("every value is missing", e.Message);
    }

    [Fact]
    public void Json_RoundTrip_KeepsClassesAndNumbers()
    {
        var encoder = LabelEncoder.FitTarget(Csv.ReadText("y\n5\n3.5\n8\n"), "y");
        var back = LabelEncoder.FromJson(encoder.ToJson());
        Assert.Equal(["3.5", "5", "8"], back.Classes);
        Assert.Equal(1, back.Transform("5.0"));
        Assert.Equal("8", back.InverseTransform(2));
        Assert.Throws<DataException>(() => LabelEncoder.FromJson("{ not json"));
    }
}
