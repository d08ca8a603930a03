using Kindling.Nn;
using Kindling.Tests.TestSupport;

namespace Kindling.Tests.Nn;

public sealed class BatchNorm1dTests
{
    [Theory]
    [InlineData("BatchNorm1d_NC")]
    [InlineData("BatchNorm1d_NCL")]
    [InlineData("BatchNorm1d_NC_momentum0.3")]
    public void TrainTwoStepsThenEval_MatchesPyTorch(string name)
    {
        var c = NnFixture.Case(NnFixture.Layers, name);
        var bn = new BatchNorm1d(3, momentum: c.GetProperty("momentum").GetDouble());
        NnFixture.CheckLayerCase(bn, c);
        NnFixture.AssertClose(c.GetProperty("running_mean_1"), bn.RunningMean!, "running_mean after 1 step");
        NnFixture.AssertClose(c.GetProperty("running_var_1"), bn.RunningVar!, "running_var after 1 step");

        bn.Call(NnFixture.Float(c.GetProperty("input_2")));
        NnFixture.AssertClose(c.GetProperty("running_mean_2"), bn.RunningMean!, "running_mean after 2 steps");
        NnFixture.AssertClose(c.GetProperty("running_var_2"), bn.RunningVar!, "running_var after 2 steps");
        Assert.Equal(c.GetProperty("num_batches_tracked_2").GetInt64(), bn.NumBatchesTracked!.Item());

        bn.Eval();
        var x = NnFixture.Float(c.GetProperty("eval_input")).RequiresGrad_();
        var y = bn.Call(x);
        NnFixture.AssertClose(c.GetProperty("eval_output"), y, "eval output");
        y.Backward(NnFixture.Float(c.GetProperty("eval_grad_output")));
        NnFixture.AssertClose(c.GetProperty("eval_grad_input"), x.Grad!, "eval grad_input");
        Assert.Equal(2, bn.NumBatchesTracked!.Item());
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(true, 3)]
    [InlineData(false, 2)]
    public void Backward_MatchesFiniteDifferences(bool training, int dims)
    {
        var x = dims == 2 ? NnFixture.Random(1, DType.Float64, 5, 3) : NnFixture.Random(1, DType.Float64, 4, 3, 2);
        var gamma = NnFixture.Random(2, DType.Float64, 3);
        var beta = NnFixture.Random(3, DType.Float64, 3);
        var runningMean = NnFixture.Random(4, DType.Float64, 3);
        var runningVar = NnFixture.Random(5, DType.Float64, 3).Abs().Add(0.5);
        // Training mode updates the running buffers in place, so each evaluation gets fresh copies.
        FiniteDifference.Check(t => Functional.BatchNorm(t[0], runningMean.Clone(), runningVar.Clone(), t[1], t[2], training), [x, gamma, beta]);
    }

    [Fact]
    public void MomentumNone_UsesCumulativeAverage()
    {
        var bn = new BatchNorm1d(2, momentum: null);
        var a = Torch.Tensor(new float[,] { { 1, 2 }, { 3, 6 } });
        var b = Torch.Tensor(new float[,] { { 5, 0 }, { 7, 2 } });
        bn.Call(a);
        bn.Call(b);
        // Cumulative average of the two batch means: ((2 + 6) / 2, (4 + 1) / 2).
        Assert.Equal([4f, 2.5f], bn.RunningMean!.ToArray<float>());
    }

    [Fact]
    public void Training_OneValuePerChannel_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatchNorm1d(3).Call(Torch.Ones(1, 3)));
        Assert.Contains("more than 1 value per channel", ex.Message);
    }

    [Fact]
    public void Forward_WrongChannelCount_NamesShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatchNorm1d(3).Call(Torch.Ones(4, 5)));
        Assert.Contains("[4, 5]", ex.Message);
    }

    [Fact]
    public void StateDict_HasPyTorchKeys()
    {
        Assert.Equal(["weight", "bias", "running_mean", "running_var", "num_batches_tracked"], new BatchNorm1d(3).StateDict().Keys);
    }
}
