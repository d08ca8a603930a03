using Kindling.Random;
using static Kindling.Tests.Random.RandomFixtures;

namespace Kindling.Tests.Random;

/// <summary>Oracle: the bytes of PyTorch 1.13's torch.get_rng_state() after known op sequences (random_torch.json).</summary>
public sealed class GeneratorStateTests
{
    public static TheoryData<int> Cases => new(Enumerable.Range(0, Load("random_torch.json").GetProperty("rng_states").GetArrayLength()));

    /// <summary>The op sequences random_fixtures.py ran after manual_seed.</summary>
    static void Replay(Generator g, string ops)
    {
        switch (ops)
        {
            case "seeded": break;
            case "randn3_rand5": g.Normal(new float[3]); g.Uniform(new float[5]); break;
            case "rand700": g.Uniform(new float[700]); break;
            case "randn4": g.Normal(new float[4]); break;
            default: throw new ArgumentException(ops);
        }
    }

    static void AssertContinuesLikePyTorch(Generator g, System.Text.Json.JsonElement c)
    {
        var after = c.GetProperty("after").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var d = new double[1];
        g.Normal(d);
        var f = new float[3];
        g.Uniform(f);
        var got = new[] { BitConverter.DoubleToUInt64Bits(d[0]).ToString("x16") }.Concat(f.Select(v => BitConverter.SingleToUInt32Bits(v).ToString("x8")));
        Assert.Equal(after, got);
    }

    [Theory, MemberData(nameof(Cases))]
    public void GetState_AfterOps_EqualsPyTorchGetRngStateBytes(int i)
    {
        var c = Load("random_torch.json").GetProperty("rng_states")[i];
        var g = new Generator((ulong)c.GetProperty("seed").GetInt64());
        Replay(g, c.GetProperty("ops").GetString()!);
        Assert.Equal(c.GetProperty("state").GetString(), Convert.ToHexStringLower(g.GetState()));
        AssertContinuesLikePyTorch(g, c);
    }

    [Theory, MemberData(nameof(Cases))]
    public void SetState_PyTorchBytes_ContinuesPyTorchStream(int i)
    {
        var c = Load("random_torch.json").GetProperty("rng_states")[i];
        var g = new Generator(999);
        g.Normal(new double[1]);    // a stale cache that SetState must replace
        g.SetState(Convert.FromHexString(c.GetProperty("state").GetString()!));
        Assert.Equal((ulong)c.GetProperty("seed").GetInt64(), g.InitialSeed);
        AssertContinuesLikePyTorch(g, c);
    }

    [Fact]
    public void SetState_CorruptIndex_ThrowsNamingTheField()
    {
        var state = new Generator(1).GetState();
        BitConverter.TryWriteBytes(state.AsSpan(8), 0);   // 'left' must be in [1, 624]
        var ex = Assert.Throws<ArgumentException>(() => new Generator().SetState(state));
        Assert.Contains("'left'", ex.Message);
    }
}
