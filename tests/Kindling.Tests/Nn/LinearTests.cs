using Kindling.Nn;
using Kindling.Tests.TestSupport;

namespace Kindling.Tests.Nn;

[Collection("Torch.DefaultGenerator")]
public sealed class LinearTests
{
    [Theory]
    [InlineData("Linear", true)]
    [InlineData("LinearNoBias", false)]
    public void Forward_MatchesPyTorch(string name, bool bias)
    {
        NnFixture.CheckLayerCase(new Linear(4, 3, bias), NnFixture.Case(NnFixture.Layers, name));
    }

    [Fact]
    public void Forward_BatchedInput_FoldsLeadingDimensions()
    {
        var linear = new Linear(4, 3);
        var x = NnFixture.Random(1, DType.Float32, 2, 5, 4);
        var y = linear.Call(x);
        Assert.Equal([2, 5, 3], y.Shape);
        var flat = linear.Call(x.Reshape(10, 4));
        Assert.Equal(flat.ToArray<float>(), y.ToArray<float>());
    }

    [Fact]
    public void GradFn_WithAndWithoutBias_NamedAsPyTorch()
    {
        var x = Torch.Ones(2, 4);
        Assert.Equal("AddmmBackward0", new Linear(4, 3).Call(x).GradFn!.Name);
        Assert.Equal("MmBackward0", new Linear(4, 3, bias: false).Call(x).GradFn!.Name);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 2)]
    [InlineData(true, 3)]
    public void Backward_MatchesFiniteDifferences(bool bias, int inputDims)
    {
        var x = inputDims == 2 ? NnFixture.Random(1, DType.Float64, 5, 4) : NnFixture.Random(1, DType.Float64, 2, 3, 4);
        var w = NnFixture.Random(2, DType.Float64, 3, 4);
        var b = NnFixture.Random(3, DType.Float64, 3);
        if (bias)
            FiniteDifference.Check(t => Functional.Linear(t[0], t[1], t[2]), [x, w, b]);
        else
            FiniteDifference.Check(t => Functional.Linear(t[0], t[1]), [x, w]);
    }

    [Theory]
    [InlineData("Linear_4_3", 4, 3, true)]
    [InlineData("Linear_5_2_nobias", 5, 2, false)]
    public void Constructor_AfterManualSeed_MatchesPyTorchBitForBit(string name, int inF, int outF, bool bias)
    {
        var expected = InitTests.Module(name);
        Torch.ManualSeed(expected.GetProperty("seed").GetInt64());
        var linear = new Linear(inF, outF, bias);
        InitTests.AssertState(expected.GetProperty("state"), linear);
    }

    [Fact]
    public void Forward_InputShapeMismatch_NamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Linear(4, 3).Call(Torch.Ones(2, 5)));
        Assert.Contains("[2, 5]", ex.Message);
        Assert.Contains("[3, 4]", ex.Message);
    }

    [Fact]
    public void ToString_PrintsLikePyTorch()
    {
        Assert.Equal("Linear(in_features=11, out_features=16, bias=True)", new Linear(11, 16).ToString());
    }
}
