using System.Buffers.Binary;
using Kindling.Training.Io;

namespace Kindling.Training.Tests.Io;

/// <summary>Each malformed input gives a <see cref="SafeTensorsException"/> that names the source and the problem.</summary>
public sealed class SafeTensorsHardeningTests
{
    const string Source = "bad.safetensors";

    static string ReadError(byte[] bytes)
    {
        var e = Assert.Throws<SafeTensorsException>(() => SafeTensors.Read(bytes, Source));
        Assert.Equal(Source, e.File);
        Assert.StartsWith(Source + ": ", e.Message);
        return e.Message;
    }

    static string One(string entry, int dataBytes = 8) =>
        ReadError(SafeTensorsTestFiles.Build("{" + entry + "}", new byte[dataBytes]));

    [Fact]
    public void Read_MissingFile_NamesFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "kindling-missing-" + Guid.NewGuid().ToString("N") + ".safetensors");
        var e = Assert.Throws<SafeTensorsException>(() => SafeTensors.Read(path));
        Assert.Equal(path, e.File);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Read_ShorterThanLengthPrefix_Throws() =>
        Assert.Contains("too short", ReadError([1, 2, 3]));

    [Fact]
    public void Read_HeaderLengthPastEnd_Throws()
    {
        byte[] bytes = SafeTensorsTestFiles.Build("{}", []);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 50);
        Assert.Contains("runs past the end", ReadError(bytes));
    }

    [Fact]
    public void Read_HeaderOver100MB_Throws()
    {
        byte[] bytes = SafeTensorsTestFiles.Build("{}", []);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 100_000_001);
        Assert.Contains("100000000-byte limit", ReadError(bytes));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ulong.MaxValue);
        Assert.Contains("limit", ReadError(bytes));
    }

    [Fact]
    public void Read_TruncatedFile_Throws()
    {
        byte[] good = SafeTensors.Serialize(SafeTensorsTestFiles.SampleTensors());
        Assert.Contains("past the end of the", ReadError(good[..^3]));
    }

    [Fact]
    public void Read_TruncatedFileOnDisk_NamesPath()
    {
        string dir = SafeTensorsTestFiles.TempDir();
        try
        {
            string path = Path.Combine(dir, "model.safetensors");
            File.WriteAllBytes(path, SafeTensors.Serialize(SafeTensorsTestFiles.SampleTensors())[..^1]);
            var e = Assert.Throws<SafeTensorsException>(() => SafeTensors.Read(path));
            Assert.Equal(path, e.File);
            Assert.Contains("truncated", e.Message);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData("{\"a\":", "not valid JSON")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},}", "not valid JSON")]
    [InlineData("{} x", "not valid JSON")]
    [InlineData("[1,2]", "does not start with '{'")]
    [InlineData("", "does not start with '{'")]
    public void Read_MalformedHeader_Throws(string header, string expected) =>
        Assert.Contains(expected, ReadError(SafeTensorsTestFiles.Build(header, [])));

    [Fact]
    public void Read_InvalidUtf8Header_Throws()
    {
        byte[] bytes = SafeTensorsTestFiles.Build("{\"a\":1}", []);
        bytes[10] = 0xFF;
        Assert.Contains("UTF-8", ReadError(bytes));
    }

    [Fact]
    public void Read_OverlappingOffsets_NamesBothTensors()
    {
        string m = ReadError(SafeTensorsTestFiles.Build(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}",
            new byte[12]));
        Assert.Contains("tensor 'b'", m);
        Assert.Contains("overlapping tensor 'a'", m);
    }

    [Fact]
    public void Read_OffsetsPastBuffer_Throws() =>
        Assert.Contains("past the end of the 8-byte data buffer",
            One("\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}"));

    [Fact]
    public void Read_BeginAfterEnd_Throws() =>
        Assert.Contains("begin after end", One("\"a\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,0]}"));

    [Fact]
    public void Read_HoleBetweenTensors_Throws()
    {
        string m = ReadError(SafeTensorsTestFiles.Build(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}",
            new byte[12]));
        Assert.Contains("bytes [4, 8) of the data buffer belong to no tensor", m);
    }

    [Fact]
    public void Read_TrailingBytes_Throws() =>
        Assert.Contains("cover only 4", One("\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}"));

    [Fact]
    public void Read_ShapeDoesNotMatchOffsets_Throws()
    {
        string m = One("\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}");
        Assert.Contains("shape [3] (12 bytes) but data_offsets [0, 8] span 8 bytes", m);
    }

    [Fact]
    public void Read_ShapeOverflow_Throws() =>
        Assert.Contains("too many elements", One("\"a\":{\"dtype\":\"F64\",\"shape\":[2147483647,2147483647,2147483647],\"data_offsets\":[0,8]}"));

    [Theory]
    [InlineData("F16", "not supported")]
    [InlineData("BF16", "not supported")]
    [InlineData("F33", "unknown dtype 'F33'")]
    public void Read_UnreadableDType_Throws(string dtype, string expected)
    {
        string m = One($"\"w\":{{\"dtype\":\"{dtype}\",\"shape\":[4],\"data_offsets\":[0,8]}}");
        Assert.Contains("tensor 'w'", m);
        Assert.Contains(expected, m);
    }

    [Fact]
    public void Read_DuplicateTensorName_Throws() =>
        Assert.Contains("tensor 'a' appears twice", ReadError(SafeTensorsTestFiles.Build(
            "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}",
            new byte[8])));

    [Theory]
    [InlineData("\"a\":{\"shape\":[2],\"data_offsets\":[0,8]}", "lacks 'dtype'")]
    [InlineData("\"a\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}", "lacks 'shape'")]
    [InlineData("\"a\":{\"dtype\":\"F32\",\"shape\":[2]}", "lacks 'data_offsets'")]
    [InlineData("\"a\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}", "has 'dtype' twice")]
    [InlineData("\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}", "shape entry")]
    [InlineData("\"a\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}", "shape entry")]
    [InlineData("\"a\":{\"dtype\":\"F32\",\"shape\":2,\"data_offsets\":[0,8]}", "not an array")]
    [InlineData("\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8,9]}", "[begin, end]")]
    [InlineData("\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-1,8]}", "non-negative")]
    [InlineData("\"a\":{\"dtype\":7,\"shape\":[2],\"data_offsets\":[0,8]}", "'dtype' that is not a string")]
    [InlineData("\"a\":[]", "not an object")]
    [InlineData("\"__metadata__\":{\"k\":1}", "value for 'k' is not a string")]
    [InlineData("\"__metadata__\":[]", "not an object of strings")]
    [InlineData("\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}", "has the key 'k' twice")]
    [InlineData("\"__metadata__\":{},\"__metadata__\":{}", "two '__metadata__' entries")]
    [InlineData("\"a\\ud800\":{}", "invalid string")]
    public void Read_BadEntry_Throws(string entry, string expected) =>
        Assert.Contains(expected, One(entry));

    [Fact]
    public void Read_UnknownEntryFieldAndPadding_AreAccepted()
    {
        var content = SafeTensors.Read(SafeTensorsTestFiles.Build(
            "{\"a\":{\"dtype\":\"F32\",\"extra\":{\"x\":[1]},\"shape\":[2],\"data_offsets\":[0,8]}}    ", new byte[8]));
        Assert.Equal([2], content["a"].Shape);
    }
}
