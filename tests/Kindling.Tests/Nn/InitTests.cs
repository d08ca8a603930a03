using System.Text.Json;
using Kindling.Nn;
using Kindling.Tests.TestSupport;

namespace Kindling.Tests.Nn;

[Collection("Torch.DefaultGenerator")]
public sealed class InitTests
{
    private static JsonElement Root => Fixture.Load("nn_init.json");

    internal static JsonElement Module(string name)
    {
        foreach (var m in Root.GetProperty("modules").EnumerateArray())
            if (m.GetProperty("name").GetString() == name) return m;
        throw new KeyNotFoundException(name);
    }

    /// <summary>Asserts every float32 entry of <paramref name="module"/>'s state dict equals PyTorch's bits and that the
    /// keys match in order.</summary>
    internal static void AssertState(JsonElement expected, Module module)
    {
        var state = module.StateDict();
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name), state.Keys);
        foreach (var p in expected.EnumerateObject())
        {
            if (p.Value.TryGetProperty("bits", out _))
                NnFixture.AssertBits(p.Value, state[p.Name], p.Name);
            else
                Assert.Equal(Fixture.Longs(p.Value.GetProperty("data")), state[p.Name].ToArray<long>());
        }
    }

    private static Sequential SeedModel() =>
        new(new Linear(11, 16), new ReLU(), new Linear(16, 16), new ReLU(), new Linear(16, 6));

    private static void AssertNextUniform(JsonElement expected)
    {
        var next = new float[2];
        Torch.DefaultGenerator.Uniform(next);
        NnFixture.AssertBits(expected, Tensor.FromArray(next, 2), "torch.rand(2) after");
    }

    [Theory]
    [InlineData(42)]
    [InlineData(0)]
    [InlineData(7)]
    public void SeedModel_ManualSeedThenApplyReset_MatchesPyTorchBitForBit(int seed)
    {
        var expected = Root.GetProperty("seed_model").EnumerateArray().First(e => e.GetProperty("seed").GetInt32() == seed);
        var model = SeedModel();
        Torch.ManualSeed(seed);
        model.Apply(m => m.ResetParameters());
        AssertState(expected.GetProperty("state"), model);
        AssertNextUniform(expected.GetProperty("rand_after"));
    }

    [Fact]
    public void SeedModel_ConstructedAfterManualSeed_MatchesPyTorchBitForBit()
    {
        var expected = Root.GetProperty("construct_after_seed")[0];
        Torch.ManualSeed(expected.GetProperty("seed").GetInt64());
        AssertState(expected.GetProperty("state"), SeedModel());
    }

    [Theory]
    [InlineData("Embedding_10_3", 10, 3, null)]
    [InlineData("Embedding_5_20", 5, 20, null)]
    [InlineData("Embedding_7_4_pad1", 7, 4, 1)]
    public void Embedding_AfterManualSeed_MatchesPyTorchBitForBit(string name, int rows, int dim, int? paddingIdx)
    {
        var expected = Module(name);
        Torch.ManualSeed(expected.GetProperty("seed").GetInt64());
        AssertState(expected.GetProperty("state"), new Embedding(rows, dim, paddingIdx));
    }

    [Fact]
    public void BatchNorm1d_Constructor_MatchesPyTorchAndDrawsNothing()
    {
        var expected = Module("BatchNorm1d_4");
        Torch.ManualSeed(expected.GetProperty("seed").GetInt64());
        var bn = new BatchNorm1d(4);
        AssertState(expected.GetProperty("state"), bn);
        AssertNextUniform(expected.GetProperty("rand_after"));
    }

    public static TheoryData<int> InitFunctionCases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty("init_functions").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(InitFunctionCases))]
    public void InitFunction_AfterManualSeed_MatchesPyTorchBitForBit(int index)
    {
        var c = Root.GetProperty("init_functions")[index];
        var args = c.GetProperty("args");
        double Arg(string key, double fallback) => args.TryGetProperty(key, out var v) ? v.GetDouble() : fallback;
        var mode = args.TryGetProperty("mode", out var m) && m.GetString() == "fan_out" ? FanMode.FanOut : FanMode.FanIn;
        var nonlinearity = args.TryGetProperty("nonlinearity", out var nl) && nl.GetString() == "relu" ? Nonlinearity.Relu : Nonlinearity.LeakyRelu;
        var shape = NnFixture.ShapeOf(c.GetProperty("result"));
        var w = Torch.Zeros(shape);
        Torch.ManualSeed(c.GetProperty("seed").GetInt64());
        string fn = c.GetProperty("fn").GetString()!;
        var returned = fn switch
        {
            "uniform_" => Init.Uniform_(w, Arg("a", 0), Arg("b", 1)),
            "normal_" => Init.Normal_(w, Arg("mean", 0), Arg("std", 1)),
            "constant_" => Init.Constant_(w, Arg("val", 0)),
            "zeros_" => Init.Zeros_(w),
            "ones_" => Init.Ones_(w),
            "kaiming_uniform_" => Init.KaimingUniform_(w, Arg("a", 0), mode, nonlinearity),
            "kaiming_normal_" => Init.KaimingNormal_(w, Arg("a", 0), mode, nonlinearity),
            "xavier_uniform_" => Init.XavierUniform_(w, Arg("gain", 1)),
            "xavier_normal_" => Init.XavierNormal_(w, Arg("gain", 1)),
            _ => throw new InvalidOperationException(fn),
        };
        Assert.Same(w, returned);
        NnFixture.AssertBits(c.GetProperty("result"), w, $"{fn} #{index}");
    }

    [Fact]
    public void CalculateGain_EveryNonlinearity_MatchesPyTorch()
    {
        var gains = Root.GetProperty("gains");
        Assert.Equal(gains.GetProperty("linear").GetDouble(), Init.CalculateGain(Nonlinearity.Linear));
        Assert.Equal(gains.GetProperty("conv1d").GetDouble(), Init.CalculateGain(Nonlinearity.Conv1d));
        Assert.Equal(gains.GetProperty("sigmoid").GetDouble(), Init.CalculateGain(Nonlinearity.Sigmoid));
        Assert.Equal(gains.GetProperty("tanh").GetDouble(), Init.CalculateGain(Nonlinearity.Tanh));
        Assert.Equal(gains.GetProperty("relu").GetDouble(), Init.CalculateGain(Nonlinearity.Relu));
        Assert.Equal(gains.GetProperty("leaky_relu").GetDouble(), Init.CalculateGain(Nonlinearity.LeakyRelu));
        Assert.Equal(gains.GetProperty("leaky_relu:0.2").GetDouble(), Init.CalculateGain(Nonlinearity.LeakyRelu, 0.2));
        Assert.Equal(gains.GetProperty("leaky_relu:2.23606797749979").GetDouble(), Init.CalculateGain(Nonlinearity.LeakyRelu, Math.Sqrt(5)));
        Assert.Equal(gains.GetProperty("selu").GetDouble(), Init.CalculateGain(Nonlinearity.Selu));
    }

    [Fact]
    public void CalculateFanInAndFanOut_OneDimensional_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Init.CalculateFanInAndFanOut(Torch.Zeros(5)));
        Assert.Contains("fewer than 2 dimensions", ex.Message);
    }

    [Fact]
    public void KaimingUniform_ExplicitGenerator_LeavesDefaultGeneratorAlone()
    {
        Torch.ManualSeed(3);
        var before = Torch.GetRngState();
        Init.KaimingUniform_(Torch.Zeros(4, 4), generator: new Kindling.Random.Generator(1));
        Assert.Equal(before, Torch.GetRngState());
    }
}
