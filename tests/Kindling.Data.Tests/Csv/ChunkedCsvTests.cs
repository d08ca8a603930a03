using System.Text;

namespace Kindling.Data.Tests.Csv;

using Csv = Kindling.Data.Csv;

/// <summary>
/// The parallel chunked reader against the serial Sep reader (the oracle: it is the reader the pandas comparisons
/// were made with): the same frame — names, kinds, every value bit for bit, every label, every row's line — for
/// any chunk size, and the same error where there is one.
/// </summary>
public sealed class ChunkedCsvTests
{
    [Fact]
    public void Read_QuotedNewlineAcrossEveryChunkEdge_EqualsSerial()
    {
        const string text = "id,note,v\n1,\"two\nlines\",0.5\n2,\"a \"\"quoted\"\"\nword, and more\",1e-3\n3,plain,-2\n4,\"\n\",7\n";
        for (int chunk = 1; chunk <= text.Length; chunk++) AssertSame(text, chunk);
    }

    [Theory]
    [InlineData("a,b\r\n1,2\r\n3,4\r\n")]                       // CRLF
    [InlineData("a,b\n1,2\n3,4")]                               // no trailing newline
    [InlineData("a,b\r\n1,2\r\n3,x")]                           // CRLF, no trailing newline, a late text cell
    [InlineData("\n\na,b\n\n1,2\n   \n\n3,4\n\n \t\n")]          // blank and white-space lines everywhere
    [InlineData("\uFEFFa,b\n1,2\n3,4\n")]                       // BOM
    [InlineData("\uFEFF1,2\n3,4\n")]                            // BOM, no header
    [InlineData("x\n1\n\n2\n \n3\n")]                           // one column with blank lines
    [InlineData("\"a\",\"b\"\n\"1\",\"x\"\"y\"\n\"2\",\"\"\n")] // every field quoted
    [InlineData("a;b\n1,5;2\n3;NA\n")]                          // decimal commas stay text
    [InlineData("a,b\n1,2,\n")]                                 // ragged (an error)
    [InlineData("a,b\n1,2\n3\n4,5\n")]                          // ragged later (an error)
    [InlineData("a,b\n1,x\"y\n")]                               // a quote inside an unquoted field
    [InlineData("a,b\n1,\"x\"y\n")]                             // text after a closing quote
    [InlineData("a,b\r1,2\r")]                                  // lone CRs
    [InlineData("a,b\n1,\"open\n")]                             // an unclosed quote
    [InlineData("a,b\n1,2\n3,é\n4,  \u00A05\u00A0 \n")]         // non-ASCII text and white space
    [InlineData("a,b\n1.5e3,+.5\n-0,0x10\n1e400,1e-400\n")]      // number shapes
    [InlineData("a,b\nnan,NaN\ninf,-Infinity\n")]
    [InlineData("a,b\n12345678901234567890,0.1234567890123456789012\n")]
    public void Read_EdgeCases_EqualSerialForEveryChunkSize(string text)
    {
        for (int chunk = 1; chunk <= text.Length + 1; chunk++) AssertSame(text, chunk);
    }

    [Theory]
    [InlineData("a,b,c\n1,\"x\ny\",2\r\n\n3,z,NA\n", 4)]
    [InlineData("\uFEFF\"h 1\",h2\n1,2\n3,4", 3)]
    public unsafe void TryRead_RegularInput_IsReadInParallelWithoutFallingBack(string text, int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        ChunkedCsv.ChunkBytesOverride = chunk;
        try
        {
            fixed (byte* data = bytes)
            {
                var frame = ChunkedCsv.TryRead(data, bytes.Length, ',', null, new Dictionary<string, ColumnKind>(),
                    new MissingTokens(CsvOptions.DefaultMissingTokens), "t.csv", null);
                Assert.NotNull(frame);
                AssertEqual(ReadSerial(text, null), frame);
            }
        }
        finally { ChunkedCsv.ChunkBytesOverride = 0; }
    }

    [Fact]
    public void Read_WithProgress_ReportsEveryByteOnce()
    {
        var text = string.Concat(Enumerable.Repeat("1.5,2,x\n", 2000));
        var reports = new System.Collections.Concurrent.ConcurrentBag<CsvProgress>();
        ChunkedCsv.ChunkBytesOverride = 1000;
        try { Csv.ReadText("a,b,c\n" + text, new CsvOptions { Progress = new Sink(reports.Add) }); }
        finally { ChunkedCsv.ChunkBytesOverride = 0; }
        long total = Encoding.UTF8.GetByteCount("a,b,c\n" + text);
        Assert.True(reports.Count > 1);
        Assert.All(reports, r => Assert.Equal(total, r.TotalBytes));
        Assert.Equal(total, reports.Max(r => r.BytesRead));
    }

    sealed class Sink(Action<CsvProgress> report) : IProgress<CsvProgress>
    {
        public void Report(CsvProgress value) => report(value);
    }

    [Fact]
    public void Read_ColumnTurningToTextInALaterChunk_IsCategoricalWithExactLabels()
    {
        var text = new StringBuilder("a,b\n");
        for (int i = 0; i < 500; i++) text.Append(i).Append(",1.50\n");
        text.Append("7,word\n");
        var frame = AssertSame(text.ToString(), 256);
        var b = Assert.IsType<CategoricalColumn>(frame["b"]);
        Assert.Equal("1.50", b[0]);  // the exact text, as pandas keeps it in an object column
        Assert.Equal("word", b[500]);
    }

    [Fact]
    public void Read_ForcedKindsAndCustomMissingTokens_EqualSerial()
    {
        const string text = "a,b,c\n1,-999,x\n-999,2,y\n3,4,-999\n";
        var options = new CsvOptions
        {
            MissingTokens = ["-999"],
            ColumnKinds = new Dictionary<string, ColumnKind> { ["a"] = ColumnKind.Categorical, ["b"] = ColumnKind.Numeric },
        };
        for (int chunk = 1; chunk <= text.Length; chunk++) AssertSame(text, chunk, options);
        var frame = Read(text, 4, options);
        Assert.Null(((CategoricalColumn)frame["a"])[1]);
        Assert.True(double.IsNaN(((NumericColumn)frame["b"])[0]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Read_OneChunkAndManyChunks_GiveIdenticalFrames(int seed)
    {
        var random = new System.Random(seed);
        var text = new StringBuilder("x,y,label,note\n");
        for (int i = 0; i < 3000; i++)
        {
            text.Append((random.NextDouble() * 200 - 100).ToString("G6", System.Globalization.CultureInfo.InvariantCulture)).Append(',');
            text.Append(random.Next(20) == 0 ? "NA" : random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',');
            text.Append("cls").Append(random.Next(5)).Append(',');
            text.Append(random.Next(10) == 0 ? "\"multi\nline, \"\"quoted\"\"\"" : "plain").Append(random.Next(3) == 0 ? "\r\n" : "\n");
            if (random.Next(50) == 0) text.Append('\n');
        }
        var one = Read(text.ToString(), int.MaxValue);
        foreach (int chunk in new[] { 17, 100, 4096, 0 })
        {
            var many = AssertSame(text.ToString(), chunk);
            AssertEqual(one, many);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Read_MutatedInputs_ChunkedEqualsSerialOrThrowsTheSameError(int seed)
    {
        var random = new System.Random(seed);
        string[] corpus =
        [
            "a,b,c\n1,2,x\n3,4,y\n5,6,z\n",
            "\"q,1\",\"q\"\"2\"\r\n1,\"multi\nline\"\r\nNA,?\r\n",
            "x\ty\n0.5\t-1e3\n\t\n1\tinf\n",
            "\uFEFFcol,cat\n1,red\n2,\n3,blue\n,green\n",
            "p,q\n1.50,2\nA7,3\n\n",
        ];
        byte[] alphabet = Encoding.UTF8.GetBytes(",;\t\"\n\r .-+e0123456789aNA");
        for (int n = 0; n < 5000; n++)
        {
            var bytes = new List<byte>(Encoding.UTF8.GetBytes(corpus[random.Next(corpus.Length)]));
            for (int e = 1 + random.Next(3); e > 0; e--)
            {
                int at = random.Next(bytes.Count + 1);
                if (random.Next(2) == 0 || at == bytes.Count) bytes.Insert(at, alphabet[random.Next(alphabet.Length)]);
                else bytes[at] = alphabet[random.Next(alphabet.Length)];
            }
            var text = Encoding.UTF8.GetString([.. bytes]);
            AssertSame(text, 1 + random.Next(12));
        }
    }

    // Reads text both ways and asserts the same frame, or the same error; returns the chunked frame.
    static Frame AssertSame(string text, int chunk, CsvOptions? options = null)
    {
        Frame? serial = null, chunked = null;
        string? serialError = null, chunkedError = null;
        try { serial = ReadSerial(text, options); }
        catch (DataException e) { serialError = e.Message; }
        try { chunked = Read(text, chunk, options); }
        catch (DataException e) { chunkedError = e.Message; }
        Assert.True(serialError == chunkedError, $"chunk {chunk}: serial error '{serialError}', chunked '{chunkedError}' for {Escape(text)}");
        if (serial is null) return null!;
        AssertEqual(serial, chunked!, $"chunk {chunk}, text {Escape(text)}");
        return chunked!;
    }

    static Frame Read(string text, int chunk, CsvOptions? options = null)
    {
        int saved = ChunkedCsv.ChunkBytesOverride;
        ChunkedCsv.ChunkBytesOverride = chunk;
        try { return Csv.ReadText(text, options); }
        finally { ChunkedCsv.ChunkBytesOverride = saved; }
    }

    static Frame ReadSerial(string text, CsvOptions? options)
    {
        Csv.SerialOnly = true;
        try { return Csv.ReadText(text, options); }
        finally { Csv.SerialOnly = false; }
    }

    static void AssertEqual(Frame expected, Frame actual, string what = "")
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.True(expected.Lines.SequenceEqual(actual.Lines), $"lines differ: {what}");
        for (int j = 0; j < expected.ColumnCount; j++)
        {
            Assert.True(expected[j].Kind == actual[j].Kind, $"column {expected[j].Name} kind differs: {what}");
            if (expected[j] is NumericColumn e)
            {
                var a = (NumericColumn)actual[j];
                for (int i = 0; i < e.Length; i++)
                    Assert.True(BitConverter.DoubleToInt64Bits(e[i]) == BitConverter.DoubleToInt64Bits(a[i]) || (double.IsNaN(e[i]) && double.IsNaN(a[i])),
                        $"column {e.Name} row {i}: {e[i]} vs {a[i]}: {what}");
            }
            else
            {
                Assert.True(((CategoricalColumn)expected[j]).Values.SequenceEqual(((CategoricalColumn)actual[j]).Values), $"column {expected[j].Name} labels differ: {what}");
            }
        }
    }

    static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");
}
