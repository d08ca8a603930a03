using Kindling.Nn;

namespace Kindling.Tests.Nn;

[Collection("Torch.DefaultGenerator")]
public sealed class DropoutTests
{
    [Theory]
    [InlineData("DropoutTrain_0.3")]
    [InlineData("DropoutTrain_0.5")]
    public void Training_AfterManualSeed_MatchesPyTorchMaskExactly(string name)
    {
        var c = NnFixture.Case(NnFixture.Layers, name);
        var x = NnFixture.Float(c.GetProperty("input")).RequiresGrad_();
        Torch.ManualSeed(c.GetProperty("seed").GetInt64());
        var y = new Dropout(c.GetProperty("p").GetDouble()).Call(x);
        // Same mask and same float32 scale: bit-for-bit, so no tolerance.
        NnFixture.AssertClose(c.GetProperty("output"), y, "output", rtol: 0, atol: 0);
        y.Backward(NnFixture.Float(c.GetProperty("grad_output")));
        NnFixture.AssertClose(c.GetProperty("grad_input"), x.Grad!, "grad_input", rtol: 0, atol: 0);
    }

    [Fact]
    public void Eval_ReturnsInputAndDrawsNothing()
    {
        Torch.ManualSeed(1);
        var before = Torch.GetRngState();
        var x = Torch.Ones(3, 3);
        var dropout = new Dropout(0.5);
        dropout.Eval();
        Assert.Same(x, dropout.Call(x));
        Assert.Equal(before, Torch.GetRngState());
    }

    [Fact]
    public void ProbabilityOne_GivesSignedZerosAndDrawsNothing()
    {
        Torch.ManualSeed(1);
        var before = Torch.GetRngState();
        var y = new Dropout(1).Call(Torch.Tensor(new float[] { -1, 2 }));
        Assert.Equal([-0f, 0f], y.ToArray<float>());
        Assert.True(float.IsNegative(y.ToArray<float>()[0]));
        Assert.Equal(before, Torch.GetRngState());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Constructor_ProbabilityOutsideUnitInterval_Throws(double p)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(p));
        Assert.Contains("between 0 and 1", ex.Message);
    }
}
