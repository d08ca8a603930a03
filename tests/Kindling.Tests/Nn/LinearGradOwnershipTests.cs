using Kindling.Nn;

namespace Kindling.Tests.Nn;

/// <summary>Linear's weight and bias gradients are kept as <c>.Grad</c> without a copy; these check that this
/// never makes two gradients share storage or changes accumulation.</summary>
public sealed class LinearGradOwnershipTests
{
    [Fact]
    public void Backward_WeightIsSumOfTwoLeaves_EachLeafGetsItsOwnGrad()
    {
        var a = Torch.Ones(3, 4).RequiresGrad_();
        var b = Torch.Ones(3, 4).RequiresGrad_();
        var x = Torch.Ones(2, 4);
        // AddBackward0 hands the same dW to both leaves: the first may keep it, the second must copy it.
        Functional.Linear(x, a.Add(b)).Sum().Backward();
        Assert.NotSame(a.Grad!._storage, b.Grad!._storage);
        a.Grad!.AddInPlace(Torch.Ones(3, 4));
        Assert.All(a.Grad.ToArray<float>(), v => Assert.Equal(3f, v));
        Assert.All(b.Grad!.ToArray<float>(), v => Assert.Equal(2f, v));
    }

    [Fact]
    public void Backward_Twice_AccumulatesIntoTheKeptGrad()
    {
        var linear = new Linear(4, 3);
        var x = Torch.Ones(2, 4);
        linear.Call(x).Sum().Backward();
        var first = linear.Weight.Grad!;
        linear.Call(x).Sum().Backward();
        Assert.Same(first, linear.Weight.Grad);
        // d(Σy)/dW = column sums of x = 2 per element, twice.
        Assert.All(linear.Weight.Grad!.ToArray<float>(), v => Assert.Equal(4f, v));
        Assert.All(linear.Bias!.Grad!.ToArray<float>(), v => Assert.Equal(4f, v));
    }
}
