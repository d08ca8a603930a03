namespace Kindling.Data.Tests.Datasets;

using Csv = Kindling.Data.Csv;
using Datasets = Kindling.Data.Datasets;

public sealed class DatasetsTests
{
    [Fact]
    public void Load_WineQT_MatchesTheCsvInTheRepository()
    {
        var embedded = Datasets.Load("WineQT");
        var file = Csv.Read(Path.Combine(RepoPaths.Root, "data", "WineQT.csv"));
        Assert.Equal(1143, embedded.RowCount);
        Assert.Equal(13, embedded.ColumnCount);
        Assert.Equal(file.ColumnNames, embedded.ColumnNames);
        Assert.All(embedded.Columns, c => Assert.Equal(ColumnKind.Numeric, c.Kind));
        Assert.Equal(((NumericColumn)file["alcohol"]).Values.ToArray(), ((NumericColumn)embedded["alcohol"]).Values.ToArray());
        Assert.Equal("wineqt (embedded)", embedded.Source);
    }

    [Fact]
    public void Load_UnknownName_ListsAvailable()
    {
        var e = Assert.Throws<DataException>(() => Datasets.Load("iris"));
        Assert.Contains("wineqt", e.Message);
    }
}
