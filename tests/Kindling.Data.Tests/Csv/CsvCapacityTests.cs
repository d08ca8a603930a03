namespace Kindling.Data.Tests.Csv;

using Csv = Kindling.Data.Csv;

/// <summary>Csv.Read sizes its columns from a line count; these cover the inputs where that count is not the row count.</summary>
public sealed class CsvCapacityTests
{
    [Fact]
    public void Read_BlankAndQuotedLines_KeepsExactRowsAsPandas()
    {
        // Blank lines are skipped and a quoted newline spans two lines (pandas: 3 rows), so the reserve overshoots.
        var frame = Csv.ReadText("a,b\n\n1,\"x\ny\"\n\n2,z\n3,w\n\n\n");
        Assert.Equal(3, frame.RowCount);
        Assert.Equal([1.0, 2.0, 3.0], ((NumericColumn)frame["a"]).Values.ToArray());
        Assert.Equal(new string?[] { "x\ny", "z", "w" }, ((CategoricalColumn)frame["b"]).Values.ToArray().AsEnumerable());
        Assert.Equal([3, 6, 7], frame.Lines.ToArray());
    }

    [Fact]
    public void Read_StreamNotAtStart_ReadsFromItsPosition()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("junk\na,b\n1,2\n3,4\n");
        using var stream = new MemoryStream(bytes);
        stream.Position = 5;
        var frame = Csv.Read(stream);
        Assert.Equal(["a", "b"], frame.ColumnNames);
        Assert.Equal([2.0, 4.0], ((NumericColumn)frame["b"]).Values.ToArray());
    }

    [Fact]
    public void Read_NoTrailingNewline_ReadsLastRow()
    {
        var frame = Csv.ReadText("a\n1\n2");
        Assert.Equal([1.0, 2.0], ((NumericColumn)frame["a"]).Values.ToArray());
    }
}
