using System.Text.Json;
using Kindling.Tests.TestSupport;

namespace Kindling.Tests.Tensors;

/// <summary>ToString against str(tensor) printed by PyTorch 1.13 (tools/reference/ops_fixtures.py, "format").</summary>
public sealed class FormatTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var f in Fixture.Load("ops.json").GetProperty("format").EnumerateArray())
            data.Add(f.GetProperty("name").GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ToString_MatchesPyTorch(string name)
    {
        JsonElement f = default;
        foreach (var e in Fixture.Load("ops.json").GetProperty("format").EnumerateArray())
            if (e.GetProperty("name").GetString() == name) f = e;
        var shape = Fixture.Ints(f.GetProperty("shape"));
        var data = f.GetProperty("data");
        var t = f.GetProperty("dtype").GetString() switch
        {
            "float32" => Torch.Tensor(Fixture.Floats(data)).Reshape(shape),
            "float64" => Torch.Tensor(Fixture.Doubles(data)).Reshape(shape),
            "int64" => Torch.Tensor(Fixture.Longs(data)).Reshape(shape),
            _ => Torch.Tensor(Array.ConvertAll(Fixture.Doubles(data), v => v != 0)).Reshape(shape),
        };
        if (f.GetProperty("requires_grad").GetBoolean()) t.RequiresGrad = true;
        if (f.GetProperty("mean").GetBoolean()) t = t.Mean();
        Assert.Equal(f.GetProperty("text").GetString(), t.ToString());
    }
}
