using System.IO.Compression;
using System.Text;

namespace Kindling.Data.Tests.Csv;

using Csv = Kindling.Data.Csv;

/// <summary>Compressed CSV read as pandas' compression="infer" does (issue 15, item 3): the same frame as the plain
/// text, recognised by magic bytes (gzip, zlib, zip) or extension (deflate, brotli).</summary>
public sealed class CompressedInputTests : IDisposable
{
    const string Text = "id,color,size,label\n1,red,0.5,a\n2,blue,,b\n3,\"green, light\",2.25,a\n";
    readonly string _folder = Directory.CreateTempSubdirectory("kindling-compressed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    static byte[] Compress(string kind, byte[] plain)
    {
        var output = new MemoryStream();
        if (kind == "zip")
        {
            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            using var entry = zip.CreateEntry("data.csv").Open();
            entry.Write(plain);
        }
        else
        {
            using Stream s = kind switch
            {
                "gzip" => new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true),
                "zlib" => new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true),
                "deflate" => new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true),
                _ => new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true),
            };
            s.Write(plain);
        }
        return output.ToArray();
    }

    static void AssertSameFrame(Frame expected, Frame actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (int j = 0; j < expected.ColumnCount; j++)
            for (int i = 0; i < expected.RowCount; i++) Assert.Equal(expected[j].Format(i), actual[j].Format(i));
    }

    [Theory]
    [InlineData("gzip", "data.csv.gz")]
    [InlineData("gzip", "data.csv")]      // magic bytes, whatever the name
    [InlineData("zlib", "data.csv.zz")]
    [InlineData("zlib", "data.bin")]
    [InlineData("deflate", "data.csv.deflate")]
    [InlineData("brotli", "data.csv.br")]
    [InlineData("zip", "data.zip")]
    public void Read_CompressedFile_SameFrameAsPlainText(string kind, string name)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, Compress(kind, Encoding.UTF8.GetBytes(Text)));
        AssertSameFrame(Csv.ReadText(Text), Csv.Read(path));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("zlib")]
    public void Read_CompressedStream_RecognisedByMagicBytes(string kind)
    {
        using var stream = new MemoryStream(Compress(kind, Encoding.UTF8.GetBytes(Text)));
        AssertSameFrame(Csv.ReadText(Text), Csv.Read(stream, new CsvOptions { SourceName = "<stdin>" }));
    }

    [Fact]
    public void Read_LargeGzipFile_SameFrameAsPlain()
    {
        var text = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 200_000; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},{i * 0.5},k{i % 7}\n");
        string path = Path.Combine(_folder, "big.csv.gz");
        File.WriteAllBytes(path, Compress("gzip", Encoding.UTF8.GetBytes(text.ToString())));
        AssertSameFrame(Csv.ReadText(text.ToString()), Csv.Read(path));
    }

    [Fact]
    public void Read_PlainTextNamedGz_ReadAsText()
    {
        string path = Path.Combine(_folder, "mislabelled.csv.gz");
        File.WriteAllText(path, Text);
        AssertSameFrame(Csv.ReadText(Text), Csv.Read(path));
    }

    [Fact]
    public void Read_TruncatedGzip_ThrowsDataExceptionNamingTheFile()
    {
        var bytes = Compress("gzip", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Text, 200))));
        string path = Path.Combine(_folder, "cut.csv.gz");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Record.Exception(() => Csv.Read(path));
        // A cut stream either fails to inflate or ends early: either way a DataException, never an internal error.
        if (e is not null) Assert.IsType<DataException>(e);
    }

    [Fact]
    public void Read_ZipWithTwoFiles_Throws()
    {
        string path = Path.Combine(_folder, "two.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var name in new[] { "a.csv", "b.csv" })
                using (var w = new StreamWriter(zip.CreateEntry(name).Open())) w.Write(Text);
        }
        var e = Assert.Throws<DataException>(() => Csv.Read(path));
        Assert.Contains("holds 2 files", e.Message);
        Assert.Contains("two.zip", e.Message);
    }

    [Fact]
    public void Read_Cancelled_ThrowsOperationCanceled()
    {
        string path = Path.Combine(_folder, "plain.csv");
        File.WriteAllText(path, Text);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Csv.Read(path, new CsvOptions { CancellationToken = cancel.Token }));
        File.WriteAllBytes(path + ".gz", Compress("gzip", Encoding.UTF8.GetBytes(Text)));
        Assert.ThrowsAny<OperationCanceledException>(() => Csv.Read(path + ".gz", new CsvOptions { CancellationToken = cancel.Token }));
    }
}
