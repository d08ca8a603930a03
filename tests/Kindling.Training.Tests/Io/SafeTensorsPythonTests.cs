using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kindling.Training.Io;

namespace Kindling.Training.Tests.Io;

/// <summary>
/// Cross-checks with tools/reference/safetensors_check.py, an independent Python implementation
/// of the format (json + struct + numpy) driven by PyTorch 1.13.
/// </summary>
public sealed class SafeTensorsPythonTests
{
    static readonly string Root = SafeTensorsTestFiles.RepoRoot();
    static readonly string Script = Path.Combine(Root, "tools", "reference", "safetensors_check.py");
    static readonly JsonElement Fixture = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(Root, "tools", "reference", "fixtures", "safetensors_python.json"))).RootElement;

    [Fact]
    public void Read_PythonWrittenFile_MatchesPyTorchValues()
    {
        var content = SafeTensors.Read(Convert.FromBase64String(Fixture.GetProperty("file_base64").GetString()!), "python fixture");
        AssertMatches(Fixture, content);
    }

    [Fact]
    public void Serialize_SameTensorsAsPython_WritesIdenticalBytes()
    {
        // Rebuild the fixture's tensors from their values and write them in the fixture's
        // (unsorted) order: the layout, header text and padding must equal the Python writer's.
        var tensors = new List<NamedArray>();
        foreach (var t in Fixture.GetProperty("tensors").EnumerateObject())
            tensors.Add(FromJson(t.Name, t.Value));
        tensors.Reverse();
        var metadata = Fixture.GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

        byte[] expected = Convert.FromBase64String(Fixture.GetProperty("file_base64").GetString()!);
        Assert.Equal(expected, SafeTensors.Serialize(tensors, metadata));
    }

    [SkippableFact]
    public void Write_ThenPythonReads_SameValues()
    {
        PythonReference.Require("numpy");
        string dir = SafeTensorsTestFiles.TempDir();
        try
        {
            string path = Path.Combine(dir, "model.safetensors");
            var tensors = SafeTensorsTestFiles.SampleTensors();
            SafeTensors.Write(path, tensors, SafeTensorsTestFiles.SampleMetadata);

            var psi = new ProcessStartInfo(PythonReference.Python) { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(Script);
            psi.ArgumentList.Add("dump");
            psi.ArgumentList.Add(path);
            using var process = Process.Start(psi)!;
            string stdout = process.StandardOutput.ReadToEnd();
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"safetensors_check.py dump failed: {stderr}");

            var dumped = JsonDocument.Parse(stdout).RootElement;
            var original = SafeTensors.Read(SafeTensors.Serialize(tensors, SafeTensorsTestFiles.SampleMetadata));
            AssertMatches(dumped, original);
            Assert.Equal(tensors.Length, dumped.GetProperty("tensors").EnumerateObject().Count());
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Every tensor and metadata entry described in <paramref name="doc"/> equals <paramref name="content"/>'s, bit for bit.</summary>
    static void AssertMatches(JsonElement doc, SafeTensorsContent content)
    {
        var tensors = doc.GetProperty("tensors");
        Assert.Equal(tensors.EnumerateObject().Count(), content.Tensors.Count);
        foreach (var t in tensors.EnumerateObject())
        {
            var expected = FromJson(t.Name, t.Value);
            var actual = content[t.Name];
            Assert.Equal(expected.DType, actual.DType);
            Assert.Equal(expected.Shape, actual.Shape);
            Assert.Equal(expected.Bytes.ToArray(), actual.Bytes.ToArray());
        }
        foreach (var m in doc.GetProperty("metadata").EnumerateObject())
            Assert.Equal(m.Value.GetString(), content.Metadata[m.Name]);
        Assert.Equal(doc.GetProperty("metadata").EnumerateObject().Count(), content.Metadata.Count);
    }

    /// <summary>A tensor from the script's JSON: values are Python reprs of the float64 (or int) value.</summary>
    static NamedArray FromJson(string name, JsonElement t)
    {
        int[] shape = [.. t.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())];
        string[] values = [.. t.GetProperty("values").EnumerateArray().Select(v => v.GetString()!)];
        return t.GetProperty("dtype").GetString() switch
        {
            "F32" => new NamedArray(name, [.. values.Select(v => (float)double.Parse(v, CultureInfo.InvariantCulture))], shape),
            "F64" => new NamedArray(name, [.. values.Select(v => double.Parse(v, CultureInfo.InvariantCulture))], shape),
            "I64" => new NamedArray(name, [.. values.Select(v => long.Parse(v, CultureInfo.InvariantCulture))], shape),
            var d => throw new InvalidDataException($"fixture dtype {d}"),
        };
    }
}
