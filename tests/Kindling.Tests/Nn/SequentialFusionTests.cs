using Kindling.Nn;

namespace Kindling.Tests.Nn;

/// <summary>Sequential runs Linear followed by ReLU as one fused op (GEMM with bias and ReLU in its store, one node).
/// Its oracle is the unfused path — the same modules called one by one — whose ops have finite-difference and
/// PyTorch checks of their own: outputs and every gradient must agree bit for bit.</summary>
public sealed class SequentialFusionTests
{
    [Fact]
    public void Sequential_LinearReluLinear_EqualsUnfusedBitForBit()
    {
        Torch.ManualSeed(3);
        var l1 = new Linear(7, 13);
        var l2 = new Linear(13, 5);
        var model = new Sequential(l1, new ReLU(), l2);
        var x = (Torch.Randn(37, 7) * 3f).RequiresGrad_();

        var fused = model.Call(x);
        Assert.Equal("AddmmBackward0", fused.GradFn!.Name);
        Assert.Equal("ReluBackward0", fused.GradFn.NextFunctions[0]!.Name);   // the fused node, named as its output's op
        fused.Sum().Backward();
        var fusedGrads = Grads(x, l1, l2);

        x.Grad = null;
        foreach (var p in model.Parameters()) p.Grad = null;
        var unfused = l2.Call(new ReLU().Call(l1.Call(x)));
        unfused.Sum().Backward();

        Assert.Equal(unfused.ToArray<float>(), fused.ToArray<float>());
        Assert.Equal(Grads(x, l1, l2), fusedGrads);
    }

    [Fact]
    public void Sequential_HookedLinear_NotFusedAndHookSeesThePreActivation()
    {
        Torch.ManualSeed(4);
        var l1 = new Linear(3, 4);
        var model = new Sequential(l1, new ReLU(), new Linear(4, 2));
        Tensor? seen = null;
        using var hook = l1.RegisterForwardHook((_, _, output) => seen = output);
        _ = model.Call(Torch.Randn(6, 3) * 5f);
        Assert.NotNull(seen);
        Assert.Contains(seen!.ToArray<float>(), v => v < 0);   // before the ReLU
    }

    [Fact]
    public void Sequential_ReluLast_NotFused()
    {
        Torch.ManualSeed(5);
        var model = new Sequential(new Linear(3, 4), new ReLU());
        var y = model.Call(Torch.Randn(6, 3).RequiresGrad_());
        Assert.Equal("ReluBackward0", y.GradFn!.Name);
        Assert.Equal("AddmmBackward0", y.GradFn.NextFunctions[0]!.Name);   // PyTorch's graph, as the user can see it
    }

    private static float[][] Grads(Tensor x, Linear l1, Linear l2) =>
        [x.Grad!.ToArray<float>(), l1.Weight.Grad!.ToArray<float>(), l1.Bias!.Grad!.ToArray<float>(),
         l2.Weight.Grad!.ToArray<float>(), l2.Bias!.Grad!.ToArray<float>()];
}
