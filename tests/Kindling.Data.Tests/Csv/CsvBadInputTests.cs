using System.Text;

namespace Kindling.Data.Tests.Csv;

using Csv = Kindling.Data.Csv;

/// <summary>Issue 4's bad-input list for the reader: each a clear <see cref="DataException"/> naming file, line and column.</summary>
public sealed class CsvBadInputTests
{
    static DataException ReadFails(string text) =>
        Assert.Throws<DataException>(() => Csv.ReadText(text, new CsvOptions { SourceName = "bad.csv" }));

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \r\n")]
    public void Read_EmptyFile_Throws(string text)
    {
        var e = ReadFails(text);
        Assert.Contains("empty", e.Message);
        Assert.Equal("bad.csv", e.File);
    }

    [Fact]
    public void Read_EmptyFileWithBom_Throws()
    {
        var e = Assert.Throws<DataException>(() => Csv.Read(new MemoryStream(Encoding.UTF8.GetPreamble())));
        Assert.Contains("empty", e.Message);
    }

    [Fact]
    public void Read_HeaderOnly_Throws()
    {
        var e = ReadFails("a,b,c\n");
        Assert.Contains("header row but no data rows", e.Message);
    }

    [Fact]
    public void Read_RaggedRow_NamesTheLine()
    {
        var e = ReadFails("a,b\n1,2\n3,4\n5,6,7\n");
        Assert.Equal(4, e.Line);
        Assert.Contains("3 fields", e.Message);
        Assert.Contains("line 4", e.Message);
    }

    [Fact]
    public void Read_RaggedRowAfterQuotedNewline_NamesItsRealLine()
    {
        var e = ReadFails("a,b\n\"x\ny\",2\n3\n");
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void Read_TextInForcedNumericColumn_NamesLineColumnAndSuggestsCategorical()
    {
        var options = new CsvOptions { SourceName = "f.csv", ColumnKinds = new Dictionary<string, ColumnKind> { ["x"] = ColumnKind.Numeric } };
        var e = Assert.Throws<DataException>(() => Csv.ReadText("x,y\n1,2\n2,3\nabc,4\n", options));
        Assert.Equal(4, e.Line);
        Assert.Equal("x", e.Column);
        Assert.Contains("'abc' is not a number", e.Message);
        Assert.Contains("categorical", e.Message);
    }

    [Fact]
    public void Read_ForcedKindForUnknownColumn_ListsColumns()
    {
        var options = new CsvOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["nope"] = ColumnKind.Numeric } };
        var e = Assert.Throws<DataException>(() => Csv.ReadText("x,y\n1,2\n", options));
        Assert.Contains("'x', 'y'", e.Message);
    }

    [Fact]
    public void Read_DuplicateColumnNames_Throws()
    {
        var e = ReadFails("a,b,a\n1,2,3\n");
        Assert.Equal("a", e.Column);
        Assert.Equal(1, e.Line);
        Assert.Contains("duplicate column name 'a' (columns 1 and 3)", e.Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00 })]  // zip / xlsx header with NUL
    [InlineData(new byte[] { (byte)'a', (byte)',', 0xC3, 0x28, (byte)'\n', (byte)'1', (byte)',', (byte)'2' })]  // invalid UTF-8
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 17, 18, 19, 20 })]  // control characters
    public void Read_BinaryFile_IsRejected(byte[] bytes)
    {
        var e = Assert.Throws<DataException>(() => Csv.Read(new MemoryStream(bytes), new CsvOptions { SourceName = "data.xlsx" }));
        Assert.Equal("data.xlsx", e.File);
        Assert.Matches("binary|not UTF-8", e.Message);
    }

    [Fact]
    public void Read_InvalidUtf8PastTheProbe_NamesTheLine()
    {
        var text = new StringBuilder("a,b\n");
        for (int i = 0; i < 20000; i++) text.Append("1,2\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(new byte[] { (byte)'x', 0xFF, (byte)',', (byte)'1', (byte)'\n' }).ToArray();
        var e = Assert.Throws<DataException>(() => Csv.Read(new MemoryStream(bytes)));
        Assert.Contains("UTF-8", e.Message);
        Assert.NotNull(e.Line);
    }

    [Fact]
    public void Read_MissingFile_SaysNotFound()
    {
        string path = Path.Combine(Path.GetTempPath(), $"kindling-missing-{Guid.NewGuid():N}.csv");
        var e = Assert.Throws<DataException>(() => Csv.Read(path));
        Assert.Equal(path, e.File);
        Assert.Contains("file not found", e.Message);
    }

    [Fact]
    public void Read_Directory_SaysItIsADirectory()
    {
        var e = Assert.Throws<DataException>(() => Csv.Read(Path.GetTempPath()));
        Assert.Contains("directory", e.Message);
    }

    [Fact]
    public void Read_UnreadableFile_Throws()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root") return;  // root reads anything
        string path = Path.Combine(Path.GetTempPath(), $"kindling-locked-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a\n1\n");
        try
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
            var e = Assert.Throws<DataException>(() => Csv.Read(path));
            Assert.Contains("cannot open", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DataException_Message_NamesFileLineAndColumn()
    {
        var e = new DataException("boom", "f.csv", 12, "x");
        Assert.Equal("f.csv, line 12, column 'x': boom", e.Message);
    }
}
