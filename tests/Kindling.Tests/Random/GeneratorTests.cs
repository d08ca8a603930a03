using Kindling.Random;
using static Kindling.Tests.Random.RandomFixtures;

namespace Kindling.Tests.Random;

/// <summary>Oracle: real PyTorch 1.13 streams after torch.manual_seed(s), via tools/reference/random_fixtures.py.</summary>
public sealed class GeneratorTests
{
    public static TheoryData<long> Seeds => new() { 0, 42, 12345, -1 };

    static Generator Seeded(long seed)
    {
        var g = new Generator();
        g.ManualSeed(unchecked((ulong)seed));
        return g;
    }

    /// <summary>After each fixture op the next raw word proves the op consumed exactly PyTorch's draws.</summary>
    static void AssertNextWord(Generator g, System.Text.Json.JsonElement c, string key) =>
        Assert.Equal(c.GetProperty(key + "_next").GetInt64(), (long)(g.Random() % 0xFFFFFFFFu));

    /// <summary>The ranges random_fixtures.py draws; the last two have non-power-of-two widths, so only a fused
    /// multiply-add reproduces them.</summary>
    static (string Key, double From, double To)[] UniformRanges(string prefix) =>
    [
        (prefix, 0.0, 1.0), (prefix + "_sym", -0.25, 0.25),
        (prefix + "_kaiming", -0.3015113445777636, 0.3015113445777636), (prefix + "_wide", -1.7, 3.3),
    ];

    [Theory, MemberData(nameof(Seeds))]
    public void UniformFloat32_AfterManualSeed_MatchesPyTorch(long seed)
    {
        var c = TorchSeed(seed);
        foreach (var (key, lo, hi) in UniformRanges("uniform_f32"))
        {
            var g = Seeded(seed);
            var got = new float[1000];
            g.Uniform(got, lo, hi);
            AssertBits(F32(c.GetProperty(key)), got, key);
            AssertNextWord(g, c, key);
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void UniformFloat64_AfterManualSeed_MatchesPyTorch(long seed)
    {
        var c = TorchSeed(seed);
        foreach (var (key, lo, hi) in UniformRanges("uniform_f64"))
        {
            var g = Seeded(seed);
            var got = new double[1000];
            g.Uniform(got, lo, hi);
            AssertBits(F64(c.GetProperty(key)), got, key);
            AssertNextWord(g, c, key);
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void NormalFloat32_ScalarAndFillPaths_MatchPyTorch(long seed)
    {
        var c = TorchSeed(seed);
        foreach (var (key, n, mean, std) in new[] { ("normal_f32_10", 10, 0.0, 1.0), ("normal_f32_1000", 1000, 0.0, 1.0), ("normal_f32_1000_m2_s05", 1000, 2.0, 0.5) })
        {
            var g = Seeded(seed);
            var got = new float[n];
            g.Normal(got, mean, std);
            AssertBits(F32(c.GetProperty(key)), got, key);
            AssertNextWord(g, c, key);
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void NormalFloat64_ScalarAndFillPaths_MatchPyTorch(long seed)
    {
        var c = TorchSeed(seed);
        foreach (var (key, n, mean, std) in new[] { ("normal_f64_10", 10, 0.0, 1.0), ("normal_f64_1000", 1000, 0.0, 1.0), ("normal_f64_1000_m2_s05", 1000, 2.0, 0.5) })
        {
            var g = Seeded(seed);
            var got = new double[n];
            g.Normal(got, mean, std);
            AssertBits(F64(c.GetProperty(key)), got, key);
            AssertNextWord(g, c, key);
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Normal_BoxMullerCacheAcrossCallsAndDtypes_MatchesPyTorch(long seed)
    {
        // randn(3) f32, randn(1) f64, randn(20) f32 (fill: cache untouched), randn(5) f32, randn(2) f64.
        var c = TorchSeed(seed);
        var expected = c.GetProperty("normal_cache_sequence").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var g = Seeded(seed);
        var got = new List<string>();
        foreach (var (n, isDouble) in new[] { (3, false), (1, true), (20, false), (5, false), (2, true) })
        {
            if (isDouble)
            {
                var d = new double[n];
                g.Normal(d);
                got.AddRange(d.Select(v => BitConverter.DoubleToUInt64Bits(v).ToString("x16")));
            }
            else
            {
                var f = new float[n];
                g.Normal(f);
                got.AddRange(f.Select(v => BitConverter.SingleToUInt32Bits(v).ToString("x8")));
            }
        }
        Assert.Equal(expected, got);
        AssertNextWord(g, c, "normal_cache_sequence");
    }

    [Theory, MemberData(nameof(Seeds))]
    public void RandInt_SmallAndWideRanges_MatchPyTorch(long seed)
    {
        var c = TorchSeed(seed);
        foreach (var (key, lo, hi) in new[] { ("randint_0_10", 0L, 10L), ("randint_m5_1000003", -5L, 1000003L), ("randint_0_2p33", 0L, 1L << 33) })
        {
            var g = Seeded(seed);
            var got = new long[1000];
            g.RandInt(got, lo, hi);
            Assert.Equal(Longs(c.GetProperty(key)), got);
            AssertNextWord(g, c, key);
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void RandomUnbounded_Int64Float32Float64_MatchPyTorch(long seed)
    {
        var c = TorchSeed(seed);
        var g = Seeded(seed);
        var l = new long[1000];
        g.Random_(l);
        Assert.Equal(Longs(c.GetProperty("random_int64")), l);
        AssertNextWord(g, c, "random_int64");

        g = Seeded(seed);
        var f = new float[1000];
        g.Random_(f);
        AssertBits(F32(c.GetProperty("random_f32")), f, "random_f32");
        AssertNextWord(g, c, "random_f32");

        g = Seeded(seed);
        var d = new double[1000];
        g.Random_(d);
        AssertBits(F64(c.GetProperty("random_f64")), d, "random_f64");
        AssertNextWord(g, c, "random_f64");
    }

    [Theory, MemberData(nameof(Seeds))]
    public void RandPerm_SmallMediumLarge_MatchesPyTorch(long seed)
    {
        var c = TorchSeed(seed);
        foreach (int n in new[] { 10, 914, 100000 })
        {
            var g = Seeded(seed);
            AssertIndices(c.GetProperty($"randperm_{n}"), g.RandPerm(n), $"randperm({n})");
            AssertNextWord(g, c, $"randperm_{n}");
        }
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Bernoulli_ScalarP_MatchesPyTorch(long seed)
    {
        var c = TorchSeed(seed);
        var g = Seeded(seed);
        var got = new float[1000];
        g.Bernoulli(got, 0.3);
        Assert.Equal(c.GetProperty("bernoulli_03").GetString(), string.Concat(got.Select(v => v == 1f ? '1' : '0')));
        AssertNextWord(g, c, "bernoulli_03");
    }

    [Theory, MemberData(nameof(Seeds))]
    public void Bernoulli_DropoutMask64x64_MatchesPyTorchDropout(long seed)
    {
        // F.dropout(ones(64, 64), 0.5) keeps an element where bernoulli_(1 - p) drew 1.
        var c = TorchSeed(seed);
        var g = Seeded(seed);
        var keep = new float[64 * 64];
        g.Bernoulli(keep, 1 - 0.5);
        Assert.Equal(c.GetProperty("dropout_64x64_p05").GetString(), string.Concat(keep.Select(v => v == 1f ? '1' : '0')));
        AssertNextWord(g, c, "dropout_64x64_p05");
    }

    [Fact]
    public void FreshGenerator_DefaultSeed_MatchesPyTorchGenerator()
    {
        var g = new Generator();
        Assert.Equal(67280421310721UL, g.InitialSeed);
        var got = new float[5];
        g.Uniform(got);
        AssertBits(F32(Load("random_torch.json").GetProperty("default_generator_rand5")), got, "Generator().rand(5)");
    }
}
