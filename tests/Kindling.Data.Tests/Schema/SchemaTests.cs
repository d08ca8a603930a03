namespace Kindling.Data.Tests.Schema;

using Csv = Kindling.Data.Csv;
using Schema = Kindling.Data.Schema;

public sealed class SchemaTests
{
    [Fact]
    public void Describe_MixedFile_ReportsKindsMissingDistinctAndStats()
    {
        var report = Schema.Describe(Csv.Read(RepoPaths.TestData("mixed.csv")));
        var age = report.Single(c => c.Name == "age");
        Assert.Equal(ColumnKind.Numeric, age.Kind);
        Assert.Equal((17, 3), (age.Count, age.Missing));
        Assert.Equal(27, age.Min);
        Assert.Equal(60, age.Max);
        // Oracle: pandas read_csv("mixed.csv")["age"].mean() = 40.64705882352941 (also the sklearn mean-imputer statistic).
        Assert.Equal(Fixtures.Load("data_mixed.json").GetProperty("imputer").GetProperty("mean").GetProperty("statistics")[0].GetDouble(), age.Mean!.Value, 12);

        var color = report.Single(c => c.Name == "color");
        Assert.Equal(ColumnKind.Categorical, color.Kind);
        Assert.Equal((18, 2, 3), (color.Count, color.Missing, color.Distinct));
        Assert.Null(color.Mean);
        Assert.Equal(new ValueCount("red", 7), color.Top[0]);
        Assert.Equal(new ValueCount("blue", 6), color.Top[1]);
    }

    [Fact]
    public void Describe_AllMissingColumn_HasNoStats()
    {
        var summary = Schema.Describe(Csv.ReadText("a,b\n1,\n2,\n"))[1];
        Assert.Equal((0, 2, 0), (summary.Count, summary.Missing, summary.Distinct));
        Assert.Null(summary.Min);
        Assert.Empty(summary.Top);
    }
}
