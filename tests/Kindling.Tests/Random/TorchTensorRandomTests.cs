using Kindling.Random;
using static Kindling.Tests.Random.RandomFixtures;

namespace Kindling.Tests.Random;

/// <summary>Oracle: PyTorch 1.13 torch.rand/randn/randint/randperm/bernoulli and fills of transposed views
/// (random_torch.json "tensors").</summary>
[Collection(DefaultGeneratorCollection.Name)]
public sealed class TorchTensorRandomTests
{
    static System.Text.Json.JsonElement Fixture => Load("random_torch.json").GetProperty("tensors");

    [Fact]
    public void CreationFunctions_SequenceAfterManualSeed7_MatchesPyTorch()
    {
        var f = Fixture;
        Torch.ManualSeed(7);
        var rand = Torch.Rand(3, 5);
        Assert.Equal(new[] { 3, 5 }, rand.Shape);
        AssertBits(F32(f.GetProperty("rand_3x5")), rand.ToArray<float>(), "rand(3, 5)");
        AssertBits(F32(f.GetProperty("randn_4x6")), Torch.Randn(4, 6).ToArray<float>(), "randn(4, 6)");
        var randn64 = Torch.Randn([2, 3], DType.Float64);
        Assert.Equal(DType.Float64, randn64.DType);
        AssertBits(F64(f.GetProperty("randn_2x3_f64")), randn64.ToArray<double>(), "randn(2, 3, float64)");
        var randint = Torch.RandInt(3, 9, [2, 4]);
        Assert.Equal(DType.Int64, randint.DType);
        Assert.Equal(Longs(f.GetProperty("randint_3_9_2x4")), randint.ToArray<long>());
        Assert.Equal(Longs(f.GetProperty("randperm_20")), Torch.Randperm(20).ToArray<long>());
        var probs = Enumerable.Range(0, 33).Select(i => (float)(i / 32.0)).ToArray();
        var bern = Torch.Bernoulli(Torch.Tensor(probs));
        Assert.Equal(f.GetProperty("bernoulli_probs").EnumerateArray().Select(e => (float)e.GetDouble()), bern.ToArray<float>());
        var bern64 = Torch.Bernoulli(Torch.Tensor(probs.Select(p => (double)p).ToArray()));
        Assert.Equal(f.GetProperty("bernoulli_probs_f64").EnumerateArray().Select(e => e.GetDouble()), bern64.ToArray<double>());
        Assert.Equal(f.GetProperty("next").GetInt64(), (long)(Torch.DefaultGenerator.Random() % 0xFFFFFFFFu));
    }

    [Fact]
    public void Fills_TransposedViews_UseScalarPathInMemoryOrderLikePyTorch()
    {
        var f = Fixture;
        var g = new Generator(3);
        var a = Torch.Empty(2, 20);
        TensorFill.Normal_(a.T, 0.25, 1.75, g);     // 40 elements but non-contiguous: scalar Box–Muller
        AssertBits(F32(f.GetProperty("transposed_normal_2x20")), a.ToArray<float>(), "t().normal_");
        var b = Torch.Empty(3, 7);
        TensorFill.Uniform_(b.T, -1.5, 2.0, g);
        AssertBits(F32(f.GetProperty("transposed_uniform_3x7")), b.ToArray<float>(), "t().uniform_");
        Assert.Equal(f.GetProperty("transposed_next").GetInt64(), (long)(g.Random() % 0xFFFFFFFFu));
    }

    [Fact]
    public void Randn_ExplicitGenerator_LeavesDefaultGeneratorUntouched()
    {
        Torch.ManualSeed(42);
        var before = Torch.GetRngState();
        var g = new Generator(42);
        var t = Torch.Randn([1000], DType.Float32, g);
        Assert.Equal(before, Torch.GetRngState());
        AssertBits(F32(TorchSeed(42).GetProperty("normal_f32_1000")), t.ToArray<float>(), "randn(1000, generator=g)");
    }

    [Fact]
    public void CreationFunctions_BadArguments_ThrowWithClearMessages()
    {
        Assert.Throws<ArgumentException>(() => Torch.Rand([2], DType.Int64));
        Assert.Throws<ArgumentOutOfRangeException>(() => Torch.Randperm(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Torch.RandInt(5, 5, [3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Torch.Bernoulli(Torch.Tensor(new[] { 0.5f, 1.5f })));
    }
}
