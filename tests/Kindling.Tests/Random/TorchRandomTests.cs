using Kindling.Random;
using static Kindling.Tests.Random.RandomFixtures;

namespace Kindling.Tests.Random;

/// <summary>Oracle: PyTorch 1.13's torch.manual_seed / get_rng_state semantics (RANDOMNESS.md §2.1, fixtures).</summary>
[Collection(DefaultGeneratorCollection.Name)]
public sealed class TorchRandomTests
{
    [Fact]
    public void ManualSeed_NegativeOne_WrapsAndMatchesPyTorchStream()
    {
        var g = Torch.ManualSeed(-1);
        Assert.Same(Torch.DefaultGenerator, g);
        Assert.Equal(ulong.MaxValue, Torch.InitialSeed());
        var got = new float[1000];
        Torch.DefaultGenerator.Uniform(got);
        AssertBits(F32(TorchSeed(-1).GetProperty("uniform_f32")), got, "manual_seed(-1).rand(1000)");
    }

    [Fact]
    public void ManualSeed_HighBitsSet_OnlyLow32BitsSeedTheEngine()
    {
        // PyTorch: manual_seed(2**32 + 42) draws like manual_seed(42) but reports the full seed.
        Torch.ManualSeed((1L << 32) + 42);
        Assert.Equal((1UL << 32) + 42, Torch.InitialSeed());
        var got = new double[1000];
        Torch.DefaultGenerator.Uniform(got);
        AssertBits(F64(TorchSeed(42).GetProperty("uniform_f64")), got, "manual_seed(2^32+42)");
    }

    [Fact]
    public void ManualSeed_ClearsBoxMullerCache_LikePyTorch()
    {
        Torch.ManualSeed(42);
        Torch.DefaultGenerator.Normal(new float[3]);          // leaves a cached value
        Torch.ManualSeed(42);
        var got = new float[10];
        Torch.DefaultGenerator.Normal(got);
        AssertBits(F32(TorchSeed(42).GetProperty("normal_f32_10")), got, "randn(10) after reseed");
    }

    [Fact]
    public void SetRngState_RoundTripWithCachedNormal_ReplaysStream()
    {
        Torch.ManualSeed(12345);
        Torch.DefaultGenerator.Normal(new double[3]);          // odd count: a Box–Muller value stays cached
        var state = Torch.GetRngState();
        var first = new double[7];
        Torch.DefaultGenerator.Normal(first);
        var firstInts = Torch.DefaultGenerator.RandPerm(50);

        Torch.ManualSeed(0);
        Torch.SetRngState(state);
        var again = new double[7];
        Torch.DefaultGenerator.Normal(again);
        AssertBits(first, again, "normal after SetRngState");
        Assert.Equal(firstInts, Torch.DefaultGenerator.RandPerm(50));
        Assert.Equal(12345UL, Torch.InitialSeed());
    }

    [Fact]
    public void SetState_WrongLength_ThrowsNamingTheArgument()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Generator().SetState(new byte[10]));
        Assert.Equal("state", ex.ParamName);
        Assert.Contains("10", ex.Message);
    }

    [Fact]
    public void Distributions_InvalidArguments_ThrowLikePyTorch()
    {
        var g = new Generator(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Uniform(new float[2], 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Normal(new float[2], 0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.RandInt(new long[2], 5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Bernoulli(new float[2], 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Bernoulli(new float[2], double.NaN));
    }

    [Fact]
    public void SpecGoldenValues_Seed42_MatchPyTorchTable()
    {
        // RANDOMNESS.md §7, from real PyTorch: randn(4) (scalar path), randint(0,10,(8,)), randperm(10).
        var g = new Generator(42);
        var n4 = new float[4];
        g.Normal(n4);
        Assert.Equal(0x3EAC62AEu, BitConverter.SingleToUInt32Bits(n4[0]));
        g.ManualSeed(42);
        var r = new long[8];
        g.RandInt(r, 0, 10);
        Assert.Equal(new long[] { 2, 7, 6, 4, 6, 5, 0, 4 }, r);
        g.ManualSeed(42);
        Assert.Equal(new long[] { 2, 6, 1, 8, 4, 5, 0, 9, 3, 7 }, g.RandPerm(10));
    }
}
