using System.Text;

namespace Kindling.Data.Tests.Csv;

using Csv = Kindling.Data.Csv;

/// <summary>Issue 16: UTF-16 and UTF-32 files with a byte-order mark read as their UTF-8 twin; UTF-16 without one
/// fails with a sentence that says so, not "binary file".</summary>
public sealed class UnicodeInputTests
{
    const string Text = "name,width,label\ncafé,1.5,日本\n\"a,b\",2,\"x\r\ny\"\nzoë,,🐟\n";

    public static TheoryData<string> Encodings => ["utf-16le", "utf-16be", "utf-32le", "utf-32be"];

    static Encoding Named(string name) => name switch
    {
        "utf-16le" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
        "utf-16be" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
        "utf-32le" => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        _ => new UTF32Encoding(bigEndian: true, byteOrderMark: true),
    };

    static byte[] WithBom(Encoding e, string text) => [.. e.GetPreamble(), .. e.GetBytes(text)];

    static void AssertSameFrame(Frame expected, Frame actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        foreach (var name in expected.ColumnNames)
        {
            Assert.Equal(expected[name].Kind, actual[name].Kind);
            for (int i = 0; i < expected.RowCount; i++) Assert.Equal(expected[name].Format(i), actual[name].Format(i));
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Read_WithByteOrderMark_EqualsTheUtf8File(string encoding)
    {
        var expected = Csv.ReadText(Text);
        var bytes = WithBom(Named(encoding), Text);
        AssertSameFrame(expected, Csv.Read(new MemoryStream(bytes)));
        var path = Path.Combine(Path.GetTempPath(), $"kindling-{encoding}-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllBytes(path, bytes);
            AssertSameFrame(expected, Csv.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void ReadNumeric_WithByteOrderMark_EqualsTheUtf8File(string encoding)
    {
        const string numbers = "a,b\n1,2.5\n3,\n";
        var path = Path.Combine(Path.GetTempPath(), $"kindling-{encoding}-{Guid.NewGuid():N}.csv");
        var utf8 = path + ".utf8";
        try
        {
            File.WriteAllBytes(path, WithBom(Named(encoding), numbers));
            File.WriteAllText(utf8, numbers);
            var expected = Csv.ReadNumeric(utf8);
            var actual = Csv.ReadNumeric(path);
            Assert.Equal(expected.Names, actual.Names);
            Assert.Equal(expected.Data, actual.Data);
        }
        finally
        {
            File.Delete(path);
            File.Delete(utf8);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf16WithoutByteOrderMark_SaysReSaveAsUtf8(bool bigEndian)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(Text);
        var e = Assert.Throws<DataException>(() => Csv.Read(new MemoryStream(bytes), new CsvOptions { SourceName = "u16.csv" }));
        Assert.Contains("looks like UTF-16 text without a byte-order mark: re-save it as UTF-8", e.Message);
        Assert.Equal("u16.csv", e.File);
    }

    [Fact]
    public void Read_InvalidUtf16AfterMark_ThrowsNamingTheEncoding()
    {
        // A lone high surrogate (D800) followed by 'a'.
        byte[] bytes = [0xFF, 0xFE, (byte)'x', 0, (byte)'\n', 0, 0x00, 0xD8, (byte)'a', 0, (byte)'\n', 0];
        var e = Assert.Throws<DataException>(() => Csv.Read(new MemoryStream(bytes), new CsvOptions { SourceName = "bad.csv" }));
        Assert.Contains("not valid UTF-16", e.Message);
    }

    [Fact]
    public void Read_BinaryWithNulBytes_StillSaysBinary()
    {
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0xA1, 0x2C];
        var e = Assert.Throws<DataException>(() => Csv.Read(new MemoryStream(zip)));
        Assert.Contains("binary", e.Message);
    }
}
