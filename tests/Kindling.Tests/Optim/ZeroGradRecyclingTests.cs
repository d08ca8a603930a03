using Kindling.Nn;
using Kindling.Optim;

namespace Kindling.Tests.Optim;

/// <summary>The Trainer's ZeroGrad reuses the dropped gradient buffers; its oracle is the public ZeroGrad.</summary>
public sealed class ZeroGradRecyclingTests
{
    [Fact]
    public void ZeroGradRecycling_ThenBackward_SameBuffersHoldTheFreshGradient()
    {
        var (recycled, recycledGrads) = TwoSteps(recycle: true);
        var (plain, plainGrads) = TwoSteps(recycle: false);
        Assert.Equal(plainGrads, recycledGrads);
        Assert.Same(recycled.first, recycled.second);
        Assert.NotSame(plain.first, plain.second);
    }

    [Fact]
    public void ZeroGradRecycling_BeforeBackward_GradIsNull()
    {
        var linear = new Linear(3, 2);
        var optimizer = new SGD(linear.Parameters(), lr: 0.1);
        linear.Call(Torch.Ones(4, 3)).Sum().Backward();
        optimizer.ZeroGradRecycling();
        Assert.Null(linear.Weight.Grad);
        Assert.Null(linear.Bias!.Grad);
    }

    private static ((Tensor first, Tensor second), float[]) TwoSteps(bool recycle)
    {
        var linear = new Linear(3, 2);
        using (Torch.NoGrad())
        {
            linear.Weight.Copy_(Tensor.FromArray(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3));
            linear.Bias!.Copy_(Tensor.FromArray(new float[] { 0.5f, -0.5f }, 2));
        }
        var optimizer = new SGD(linear.Parameters(), lr: 0.1);
        linear.Call(Tensor.FromArray(new float[] { 1, -1, 2, 0, 3, 1 }, 2, 3)).Relu().Sum().Backward();
        var first = linear.Weight.Grad!;
        optimizer.Step();
        if (recycle) optimizer.ZeroGradRecycling();
        else optimizer.ZeroGrad();
        linear.Call(Tensor.FromArray(new float[] { -2, 1, 0.5f, 4, -1, 2 }, 2, 3)).Relu().Sum().Backward();
        var second = linear.Weight.Grad!;
        return ((first, second), [.. second.ToArray<float>(), .. linear.Bias!.Grad!.ToArray<float>()]);
    }
}
