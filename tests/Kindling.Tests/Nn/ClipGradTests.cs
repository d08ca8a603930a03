using Kindling.Nn.Utils;
using Kindling.Tests.Optim;

namespace Kindling.Tests.Nn;

/// <summary>clip_grad_norm_ / clip_grad_value_ against PyTorch 1.13 (clip_grad.json).</summary>
public sealed class ClipGradTests
{
    // PyTorch reduces the float32 norm in float32 lanes, Kindling in double then rounds: the total norm and
    // the scaled gradients may differ in the last float32 place (~6e-8 relative).
    private const double Float32Tolerance = 1e-6;

    private static Tensor[] NewParams(out float[][] initial)
    {
        var root = OptimFixtures.Load("clip_grad.json");
        var shapes = root.GetProperty("shapes").EnumerateArray().Select(OptimFixtures.Ints).ToArray();
        initial = [.. root.GetProperty("grads").EnumerateArray().Select(OptimFixtures.F32)];
        var ps = new Tensor[shapes.Length];
        for (int i = 0; i < ps.Length; i++)
        {
            ps[i] = Tensor.FromArray(new float[initial[i].Length], shapes[i]);
            ps[i].Grad = Tensor.FromArray((float[])initial[i].Clone(), shapes[i]);
        }
        return ps;
    }

    private static void AssertClose(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= Float32Tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: {actual:R} vs PyTorch {expected:R}");

    public static IEnumerable<object[]> Cases()
    {
        var cases = OptimFixtures.Load("clip_grad.json").GetProperty("cases");
        for (int i = 0; i < cases.GetArrayLength(); i++) yield return [i];
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Clip_FixtureCase_MatchesPyTorch(int index)
    {
        var c = OptimFixtures.Load("clip_grad.json").GetProperty("cases")[index];
        var ps = NewParams(out _);
        string label;
        if (c.GetProperty("kind").GetString() == "norm")
        {
            var nt = c.GetProperty("norm_type");
            double normType = nt.ValueKind == System.Text.Json.JsonValueKind.String ? double.PositiveInfinity : nt.GetDouble();
            double maxNorm = c.GetProperty("max_norm").GetDouble();
            label = $"clip_grad_norm_(max_norm={maxNorm}, norm_type={normType})";
            var total = ClipGrad.ClipGradNorm_(ps, maxNorm, normType);
            Assert.Equal(0, total.Dim);
            AssertClose(c.GetProperty("total_norm").GetDouble(), total.Item(), label + " total norm");
        }
        else
        {
            double clip = c.GetProperty("clip_value").GetDouble();
            label = $"clip_grad_value_({clip})";
            ClipGrad.ClipGradValue_(ps, clip);
        }
        var expected = c.GetProperty("grads").EnumerateArray().Select(OptimFixtures.F32).ToArray();
        for (int i = 0; i < ps.Length; i++)
        {
            var actual = ps[i].Grad!.ToArray<float>();
            for (int k = 0; k < actual.Length; k++) AssertClose(expected[i][k], actual[k], $"{label} grad {i}[{k}]");
        }
    }

    [Fact]
    public void ClipGradNorm_NonfiniteWithErrorFlag_ThrowsAndLeavesGrads()
    {
        var p = Tensor.FromArray(new float[2], 2);
        p.Grad = Tensor.FromArray(new[] { float.PositiveInfinity, 1f }, 2);
        var ex = Assert.Throws<InvalidOperationException>(() => ClipGrad.ClipGradNorm_([p], 1.0, errorIfNonfinite: true));
        Assert.Contains("non-finite", ex.Message);
        Assert.Equal([float.PositiveInfinity, 1f], p.Grad.ToArray<float>());
    }

    [Fact]
    public void ClipGradNorm_NoGrads_ReturnsZero()
    {
        Assert.Equal(0.0, ClipGrad.ClipGradNorm_([Tensor.FromArray(new float[2], 2)], 1.0).Item());
    }

    [Fact]
    public void ClipGradNorm_Float64Grads_ScalesInDouble()
    {
        var p = Tensor.FromArray(new double[2], 2);
        p.Grad = Tensor.FromArray(new[] { 3.0, 4.0 }, 2);
        double total = ClipGrad.ClipGradNorm_([p], 1.0).Item();
        Assert.Equal(5.0, total);
        var clipped = p.Grad.ToArray<double>();
        Assert.Equal(3.0 / (5.0 + 1e-6), clipped[0], 1e-15);
        Assert.Equal(4.0 / (5.0 + 1e-6), clipped[1], 1e-15);
    }
}
