using System.Globalization;
using System.Text;

namespace Kindling.Data.Tests.Csv;

using Csv = Kindling.Data.Csv;

public sealed class CsvReaderTests
{
    [Fact]
    public void Read_HeaderAndNumbers_InfersNumericColumns()
    {
        var frame = Csv.ReadText("a,b\n1,2.5\n3,-4e2\n");
        Assert.Equal(["a", "b"], frame.ColumnNames);
        Assert.Equal(2, frame.RowCount);
        var b = Assert.IsType<NumericColumn>(frame["b"]);
        Assert.Equal([2.5, -400.0], b.Values.ToArray());
    }

    [Fact]
    public void Read_FirstRowNumeric_DetectsNoHeaderAndNamesColumnsC0()
    {
        var frame = Csv.ReadText("1,x\n2,y\n");
        Assert.Equal(["c0", "c1"], frame.ColumnNames);
        Assert.Equal(2, frame.RowCount);
        Assert.Equal(ColumnKind.Categorical, frame["c1"].Kind);
    }

    [Fact]
    public void Read_ExplicitNoHeader_KeepsTextFirstRowAsData()
    {
        var frame = Csv.ReadText("red,small\nblue,large\n", new CsvOptions { HasHeader = false });
        Assert.Equal(["c0", "c1"], frame.ColumnNames);
        Assert.Equal("red", ((CategoricalColumn)frame["c0"])[0]);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void Read_Delimiter_IsSniffed(char delimiter)
    {
        string d = delimiter.ToString();
        var frame = Csv.ReadText($"x{d}y{d}label\n1.5{d}2{d}a\n3{d}4{d}b\n");
        Assert.Equal(["x", "y", "label"], frame.ColumnNames);
        Assert.Equal(3.0, ((NumericColumn)frame["x"])[1]);
    }

    [Fact]
    public void Read_SemicolonWithDecimalCommas_SniffsSemicolonAndKeepsTextCategorical()
    {
        // Decimal commas are not invariant numbers: the column is text, never silently 0 or 5.
        var frame = Csv.ReadText("a;b\n0,5;1\n1,5;2\n2,0;3\n");
        Assert.Equal(["a", "b"], frame.ColumnNames);
        Assert.Equal(ColumnKind.Categorical, frame["a"].Kind);
        Assert.Equal("0,5", ((CategoricalColumn)frame["a"])[0]);
    }

    [Fact]
    public void Read_QuotedFields_HandleDelimiterQuoteAndNewline()
    {
        var frame = Csv.ReadText("\"name, full\",\"note\"\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\"\n\"Doe\",plain\n");
        Assert.Equal(["name, full", "note"], frame.ColumnNames);
        var note = (CategoricalColumn)frame["note"];
        Assert.Equal("said \"hi\"\nthen left", note[0]);
        Assert.Equal("Smith, J", ((CategoricalColumn)frame["name, full"])[0]);
        Assert.Equal([2, 4], frame.Lines.ToArray());
    }

    [Fact]
    public void Read_Utf8BomAndCrlf_AreHandled()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("café,n\r\nété,1\r\nhiver,2\r\n")).ToArray();
        var frame = Csv.Read(new MemoryStream(bytes));
        Assert.Equal(["café", "n"], frame.ColumnNames);
        Assert.Equal("été", ((CategoricalColumn)frame["café"])[0]);
        Assert.Equal([1.0, 2.0], ((NumericColumn)frame["n"]).Values.ToArray());
    }

    [Fact]
    public void Read_UnderGermanCulture_ParsesInvariantNumbers()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // The build runs with InvariantGlobalization, so de-DE's number format is set by hand:
            // decimal comma, dot for thousands.
            var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            german.NumberFormat.NumberDecimalSeparator = ",";
            german.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = german;
            Assert.Equal(0.5, double.Parse("0,5"));  // the culture really is in force
            var frame = Csv.ReadText("x\n0.5\n1,000\n", new CsvOptions { Delimiter = ';' });
            // "1,000" is not an invariant number: the column is text, and "0.5" stays the text it was.
            Assert.Equal(ColumnKind.Categorical, frame["x"].Kind);
            var numbers = Csv.ReadText("x\n0.5\n2.25\n", new CsvOptions { Delimiter = ';' });
            Assert.Equal([0.5, 2.25], ((NumericColumn)numbers["x"]).Values.ToArray());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Read_MissingTokens_BecomeNaNOrNull()
    {
        var frame = Csv.ReadText("x,c\n1,a\n,b\nNA,N/A\nNaN,null\n?, \n5,c\n");
        var x = (NumericColumn)frame["x"];
        Assert.Equal(4, x.MissingCount);
        Assert.Equal(5.0, x[5]);
        var c = (CategoricalColumn)frame["c"];
        Assert.True(c[2] is null && c[3] is null && c[4] is null);
    }

    [Fact]
    public void Read_CustomMissingTokens_ReplaceDefaults()
    {
        var frame = Csv.ReadText("x\n1\n-999\nNA\n", new CsvOptions { MissingTokens = ["-999"] });
        Assert.Equal(ColumnKind.Categorical, frame["x"].Kind);  // "NA" is now text
        var numeric = Csv.ReadText("x\n1\n-999\n", new CsvOptions { MissingTokens = ["-999"] });
        Assert.True(numeric["x"].IsMissing(1));
    }

    [Fact]
    public void Read_ColumnTurningToTextLate_IsReadAgainAsCategoricalWithExactText()
    {
        var frame = Csv.ReadText("code\n1.50\n2\nA7\n");
        var code = Assert.IsType<CategoricalColumn>(frame["code"]);
        Assert.Equal(new string?[] { "1.50", "2", "A7" }, code.Values.ToArray());
    }

    [Fact]
    public void Read_ForcedKinds_AreApplied()
    {
        var options = new CsvOptions { ColumnKinds = new Dictionary<string, ColumnKind> { ["zip"] = ColumnKind.Categorical } };
        var frame = Csv.ReadText("zip,v\n01234,1\n99999,2\n", options);
        Assert.Equal("01234", ((CategoricalColumn)frame["zip"])[0]);
    }

    [Fact]
    public void Read_BlankLines_AreSkippedAndLinesKept()
    {
        var frame = Csv.ReadText("a,b\n\n1,2\n\n3,4\n");
        Assert.Equal(2, frame.RowCount);
        Assert.Equal([3, 5], frame.Lines.ToArray());
    }

    [Fact]
    public void Read_EmptyHeaderCell_IsNamedUnnamedAsPandas()
    {
        var frame = Csv.ReadText(",a\n0,1\n1,2\n");
        Assert.Equal(["Unnamed: 0", "a"], frame.ColumnNames);
    }

    [Fact]
    public void Read_File_ReadsFromDisk()
    {
        string path = Path.Combine(Path.GetTempPath(), $"kindling-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "a,b\n1,2\n");
        try
        {
            var frame = Csv.Read(path);
            Assert.Equal(path, frame.Source);
            Assert.Equal(1, frame.RowCount);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
