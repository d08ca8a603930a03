using System.Text.Json;
using Kindling.Nn;
using Kindling.Tests.TestSupport;

namespace Kindling.Tests.Nn;

/// <summary>Reads the nn fixtures written by <c>tools/reference/nn_fixtures.py</c> (real PyTorch 1.13) and compares
/// tensors against them.</summary>
internal static class NnFixture
{
    /// <summary>float32 forward/gradient agreement: PyTorch accumulates in float32 while Kindling's nn kernels
    /// accumulate in doubles, so results differ by a few float32 ulps (acceptance: 1e-5 relative or 1e-6 absolute).</summary>
    public const double Rtol32 = 1e-5;

    /// <inheritdoc cref="Rtol32"/>
    public const double Atol32 = 1e-6;

    /// <summary>Finite-difference checks in float64 (central differences, eps 1e-6: error ~1e-9).</summary>
    public const double FiniteDifferenceTolerance = 1e-6;

    public static JsonElement Layers => Fixture.Load("nn_layers.json").GetProperty("cases");

    public static JsonElement Losses => Fixture.Load("nn_losses.json").GetProperty("cases");

    public static JsonElement Case(JsonElement cases, string name)
    {
        foreach (var c in cases.EnumerateArray())
            if (c.GetProperty("name").GetString() == name) return c;
        throw new KeyNotFoundException($"fixture case '{name}' not found; regenerate with tools/reference/nn_fixtures.py");
    }

    public static TheoryData<string> Names(JsonElement cases, Func<JsonElement, bool> where)
    {
        var data = new TheoryData<string>();
        foreach (var c in cases.EnumerateArray())
            if (where(c)) data.Add(c.GetProperty("name").GetString()!);
        return data;
    }

    public static int[] ShapeOf(JsonElement t) => Fixture.Ints(t.GetProperty("shape"));

    public static Tensor Float(JsonElement t) => Tensor.FromArray(Fixture.Floats(t.GetProperty("data")), ShapeOf(t));

    public static Tensor Double(JsonElement t) => Tensor.FromArray(Fixture.Doubles(t.GetProperty("data")), ShapeOf(t));

    public static Tensor Long(JsonElement t) => Tensor.FromArray(Fixture.Longs(t.GetProperty("data")), ShapeOf(t));

    /// <summary>A float32 tensor from stored uint32 bit patterns.</summary>
    public static Tensor FromBits(JsonElement t)
    {
        var bits = Fixture.Longs(t.GetProperty("bits"));
        return Tensor.FromArray(Array.ConvertAll(bits, b => BitConverter.UInt32BitsToSingle((uint)b)), ShapeOf(t));
    }

    /// <summary>Asserts <paramref name="actual"/> has the expected shape and bit-identical float32 values.</summary>
    public static void AssertBits(JsonElement expected, Tensor actual, string what)
    {
        Assert.Equal(ShapeOf(expected), actual.Shape);
        var bits = Fixture.Longs(expected.GetProperty("bits"));
        var values = actual.ToArray<float>();
        for (int i = 0; i < bits.Length; i++)
        {
            uint got = BitConverter.SingleToUInt32Bits(values[i]);
            Assert.True(got == (uint)bits[i],
                $"{what}[{i}]: got {values[i]:R} (0x{got:X8}), PyTorch {BitConverter.UInt32BitsToSingle((uint)bits[i]):R} (0x{bits[i]:X8})");
        }
    }

    /// <summary>Asserts shape equality and |actual − expected| ≤ atol + rtol·|expected| elementwise.</summary>
    public static void AssertClose(JsonElement expected, Tensor actual, string what, double rtol = Rtol32, double atol = Atol32)
    {
        Assert.Equal(ShapeOf(expected), actual.Shape);
        var want = Fixture.Doubles(expected.GetProperty("data"));
        var got = actual.DType == DType.Float64 ? actual.ToArray<double>() : Array.ConvertAll(actual.ToArray<float>(), v => (double)v);
        for (int i = 0; i < want.Length; i++)
        {
            bool ok = double.IsNaN(want[i]) ? double.IsNaN(got[i]) : Math.Abs(got[i] - want[i]) <= atol + rtol * Math.Abs(want[i]);
            Assert.True(ok, $"{what}[{i}]: got {got[i]:R}, PyTorch {want[i]:R}");
        }
    }

    /// <summary>Copies <paramref name="value"/> into a parameter or buffer without recording history.</summary>
    public static void Set(Tensor target, Tensor value)
    {
        using (Torch.NoGrad()) target.Copy_(value);
    }

    /// <summary>Runs a layer fixture case: loads its parameters, calls the module on the input, compares the output,
    /// back-propagates the stored upstream gradient and compares the input and parameter gradients.</summary>
    public static void CheckLayerCase(Module module, JsonElement c, bool intInput = false)
    {
        var parameters = module.NamedParameters().ToDictionary(p => p.Name, p => p.Parameter);
        foreach (var p in c.GetProperty("params").EnumerateObject())
            Set(parameters[p.Name], Float(p.Value));
        var x = intInput ? Long(c.GetProperty("input")) : Float(c.GetProperty("input")).RequiresGrad_();
        var y = module.Call(x);
        AssertClose(c.GetProperty("output"), y, "output");
        y.Backward(Float(c.GetProperty("grad_output")));
        if (!intInput)
            AssertClose(c.GetProperty("grad_input"), x.Grad!, "grad_input");
        foreach (var g in c.GetProperty("grad_params").EnumerateObject())
            AssertClose(g.Value, parameters[g.Name].Grad!, $"grad {g.Name}");
    }

    /// <summary>A deterministic tensor of values in [−2, 2) (System.Random with <paramref name="seed"/>): test inputs
    /// that do not consume <see cref="Torch.DefaultGenerator"/>.</summary>
    public static Tensor Random(int seed, DType dtype, params int[] shape)
    {
        var rng = new System.Random(seed);
        int n = 1;
        foreach (var d in shape) n *= d;
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = rng.NextDouble() * 4 - 2;
        return dtype == DType.Float64
            ? Tensor.FromArray(values, shape)
            : Tensor.FromArray(Array.ConvertAll(values, v => (float)v), shape);
    }
}
