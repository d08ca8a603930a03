using System.Buffers.Binary;
using System.Text;
using Kindling.Training.Io;

namespace Kindling.Training.Tests.Io;

public sealed class SafeTensorsRoundTripTests
{
    static void AssertSame(NamedArray expected, NamedArray actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.DType, actual.DType);
        Assert.Equal(expected.Shape, actual.Shape);
        // Bitwise equality: -0, subnormals and extremes must survive untouched.
        Assert.Equal(expected.Bytes.ToArray(), actual.Bytes.ToArray());
    }

    [Fact]
    public void Serialize_ThenRead_ReturnsEqualTensorsAndMetadata()
    {
        var tensors = SafeTensorsTestFiles.SampleTensors();
        var content = SafeTensors.Read(SafeTensors.Serialize(tensors, SafeTensorsTestFiles.SampleMetadata));

        Assert.Equal(tensors.Length, content.Tensors.Count);
        foreach (var t in tensors) AssertSame(t, content[t.Name]);
        Assert.Equal(SafeTensorsTestFiles.SampleMetadata, content.Metadata);
    }

    [Fact]
    public void Write_ThenReadFileAndStream_AgreeWithSpan()
    {
        string dir = SafeTensorsTestFiles.TempDir();
        try
        {
            string path = Path.Combine(dir, "model.safetensors");
            var tensors = SafeTensorsTestFiles.SampleTensors();
            SafeTensors.Write(path, tensors, SafeTensorsTestFiles.SampleMetadata);

            var fromFile = SafeTensors.Read(path);
            var fromSpan = SafeTensors.Read(File.ReadAllBytes(path));
            using var nonSeekable = new NonSeekableStream(File.ReadAllBytes(path));
            var fromStream = SafeTensors.Read(nonSeekable);
            for (int i = 0; i < tensors.Length; i++)
            {
                AssertSame(fromSpan.Tensors[i], fromFile.Tensors[i]);
                AssertSame(fromSpan.Tensors[i], fromStream.Tensors[i]);
            }
            Assert.Single(Directory.GetFiles(dir));   // no temporary file left behind
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Serialize_ScalarAndEmptyTensors_RoundTrip()
    {
        NamedArray[] tensors = [new("scalar", [2.5f]), new("empty", Array.Empty<float>(), 0, 3), new("none", Array.Empty<long>(), 0)];
        var content = SafeTensors.Read(SafeTensors.Serialize(tensors));
        Assert.Empty(content["scalar"].Shape);
        Assert.Equal(2.5f, content["scalar"].GetData<float>()[0]);
        Assert.Equal([0, 3], content["empty"].Shape);
        Assert.Empty(content["none"].GetData<long>());
        Assert.Empty(content.Metadata);
    }

    [Fact]
    public void Serialize_HeaderPaddedWithSpacesTo8Bytes()
    {
        foreach (string name in new[] { "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh" })
        {
            byte[] bytes = SafeTensors.Serialize([new NamedArray(name, [1f], 1)]);
            long n = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            Assert.Equal(0, n % 8);
            string header = Encoding.UTF8.GetString(bytes, 8, (int)n);
            string trimmed = header.TrimEnd(' ');
            Assert.EndsWith("}", trimmed);
            Assert.InRange(header.Length - trimmed.Length, 0, 7);   // only the padding the alignment needs
            Assert.Equal(8 + n + 4, bytes.Length);
        }
    }

    [Fact]
    public void Serialize_LaysOutByDescendingDTypeThenName_AsReferenceWriter()
    {
        NamedArray[] tensors =
        [
            new("b", [1f], 1), new("a", [1f], 1), new("z", [1.0], 1), new("c", [1L], 1),
        ];
        var content = SafeTensors.Read(SafeTensors.Serialize(tensors));
        Assert.Equal(["c", "z", "a", "b"], content.Tensors.Select(t => t.Name));
    }

    [Fact]
    public void Write_ExistingFile_IsReplaced()
    {
        string dir = SafeTensorsTestFiles.TempDir();
        try
        {
            string path = Path.Combine(dir, "model.safetensors");
            File.WriteAllText(path, "old");
            SafeTensors.Write(path, [new NamedArray("w", [4f], 1)]);
            Assert.Equal(4f, SafeTensors.Read(path)["w"].GetData<float>()[0]);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Write_DuplicateNames_ThrowsAndLeavesExistingFile()
    {
        string dir = SafeTensorsTestFiles.TempDir();
        try
        {
            string path = Path.Combine(dir, "model.safetensors");
            File.WriteAllText(path, "old");
            var e = Assert.Throws<ArgumentException>(() =>
                SafeTensors.Write(path, [new NamedArray("w", [1f], 1), new NamedArray("w", [2f], 1)]));
            Assert.Contains("'w'", e.Message);
            Assert.Equal("old", File.ReadAllText(path));
            Assert.Single(Directory.GetFiles(dir));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Write_MissingDirectory_ThrowsSafeTensorsExceptionNamingFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "kindling-no-such-dir-" + Guid.NewGuid().ToString("N"), "m.safetensors");
        var e = Assert.Throws<SafeTensorsException>(() => SafeTensors.Write(path, [new NamedArray("w", [1f], 1)]));
        Assert.Equal(path, e.File);
        Assert.Contains("cannot write", e.Message);
    }

    [Fact]
    public void NamedArray_ShapeDataMismatch_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => new NamedArray("w", [1f, 2f, 3f], 2, 2));
        Assert.Contains("'w'", e.Message);
        Assert.Throws<InvalidOperationException>(() => new NamedArray("w", [1f], 1).GetData<double>());
    }

    sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
