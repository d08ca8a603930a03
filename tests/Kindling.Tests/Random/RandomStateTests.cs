using System.Text.Json;
using Kindling.Random;
using static Kindling.Tests.Random.RandomFixtures;

namespace Kindling.Tests.Random;

/// <summary>Oracle: numpy.random.RandomState 1.24 streams, via tools/reference/random_fixtures.py.</summary>
public sealed class RandomStateTests
{
    public static TheoryData<int> Cases => new(Enumerable.Range(0, Load("random_numpy.json").GetProperty("cases").GetArrayLength()));

    static (JsonElement Case, Func<RandomState> Make) Case(int i)
    {
        var c = Load("random_numpy.json").GetProperty("cases")[i];
        var seed = c.GetProperty("seed").EnumerateArray().Select(e => (uint)e.GetInt64()).ToArray();
        return c.GetProperty("array_seed").GetBoolean() ? (c, () => new RandomState(seed)) : (c, () => new RandomState(seed[0]));
    }

    [Theory, MemberData(nameof(Cases))]
    public void RandomSample_IntegerAndArraySeeds_MatchesNumPy(int i)
    {
        var (c, make) = Case(i);
        AssertBits(F64(c.GetProperty("random_sample")), make().RandomSample(1000), "random_sample");
    }

    [Theory, MemberData(nameof(Cases))]
    public void RandInt_32And64BitRanges_MatchesNumPy(int i)
    {
        var (c, make) = Case(i);
        Assert.Equal(Longs(c.GetProperty("randint_0_10")), make().RandInt(0, 10, 1000));
        Assert.Equal(Longs(c.GetProperty("randint_m7_100")), make().RandInt(-7, 100, 1000));
        Assert.Equal(Longs(c.GetProperty("randint_0_2p32")), make().RandInt(0, 1L << 32, 200));
        Assert.Equal(Longs(c.GetProperty("randint_m3_2p40")), make().RandInt(-3, 1L << 40, 200));
        Assert.Equal(Longs(c.GetProperty("randint_5_6")), make().RandInt(5, 6, 10));
    }

    [Theory, MemberData(nameof(Cases))]
    public void Permutation_SmallMediumLarge_MatchesNumPy(int i)
    {
        var (c, make) = Case(i);
        foreach (int n in new[] { 10, 914, 100000 })
            AssertIndices(c.GetProperty($"permutation_{n}"), make().Permutation(n), $"permutation({n})");
    }

    [Theory, MemberData(nameof(Cases))]
    public void Shuffle_TwiceThenSample_MatchesNumPy(int i)
    {
        var (c, make) = Case(i);
        var rs = make();
        var a = Enumerable.Range(0, 50).ToArray();
        rs.Shuffle<int>(a);
        rs.Shuffle<int>(a);
        Assert.Equal(Longs(c.GetProperty("shuffle_twice_50")), a.Select(v => (long)v).ToArray());
        AssertBits(F64(c.GetProperty("after_shuffle_sample")), new[] { rs.RandomSample() }, "after shuffle");
    }

    [Fact]
    public void SpecGoldenValues_Seed42_MatchNumPyTable()
    {
        // RANDOMNESS.md §7, from real NumPy.
        Assert.Equal(0.3745401188473625, new RandomState(42).RandomSample());
        Assert.Equal(new long[] { 8, 1, 5, 0, 7, 2, 9, 4, 3, 6 }, new RandomState(42).Permutation(10));
        Assert.Equal(new long[] { 6, 3, 7, 4, 6, 9, 2, 6 }, new RandomState(42).RandInt(0, 10, 8));
    }

    [Fact]
    public void RandInt_EmptyRange_ThrowsNamingBounds()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomState(0).RandInt(3, 3));
        Assert.Contains("low=3", ex.Message);
    }
}
