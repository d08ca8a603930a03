using Kindling.Autograd;
using Kindling.Nn;

namespace Kindling.Tests.Autograd;

/// <summary>The rules that make recycling backward-only gradient buffers safe (GradBuffers), and the effect.</summary>
public sealed class GradBuffersTests
{
    private static readonly FunctionNode s_node = new("TestBackward0", [], g => [g], savesTensors: false);

    [Fact]
    public void AfterApply_ConsumedAndNotPassedOn_BufferIsRentedAgain()
    {
        var g = GradBuffers.Rent(3, 1001);
        GradBuffers.AfterApply(s_node, g, [Torch.Zeros(3)]);
        Assert.Same(g._storage, GradBuffers.Rent(3, 1001)._storage);
    }

    [Fact]
    public void AfterApply_ViewOfConsumedPassedOn_BufferIsNotRecycled()
    {
        var g = GradBuffers.Rent(3, 1002);
        GradBuffers.AfterApply(s_node, g, [g.T]);
        Assert.NotSame(g._storage, GradBuffers.Rent(3, 1002)._storage);
    }

    [Fact]
    public void AfterApply_SameGradientToTwoSlots_UnmarkedSoNeitherConsumerRecyclesIt()
    {
        var g = GradBuffers.Rent(2, 1003);
        GradBuffers.AfterApply(s_node, Torch.Zeros(1), [g, g]);
        Assert.False(g._recyclableGrad);
        GradBuffers.AfterApply(s_node, g, []);
        Assert.NotSame(g._storage, GradBuffers.Rent(2, 1003)._storage);
    }

    [Fact]
    public void Backward_SharedHiddenPaths_MatchesFloat64Reference()
    {
        // h = relu(l1(x)) + relu(l2(x)) feeds two heads: gradients fork and join, so recycled buffers must never
        // be handed out while another branch still reads them. The float64 run (no recycling) is the oracle.
        float[] f32 = Grads(DType.Float32), f64 = Grads(DType.Float64);
        Assert.Equal(f64.Length, f32.Length);
        for (int i = 0; i < f32.Length; i++) Assert.True(Math.Abs(f32[i] - f64[i]) <= Float32Tolerance * (1 + Math.Abs(f64[i])), $"grad {i}: {f32[i]} vs {f64[i]}");
    }

    // float32 forward/backward against float64 on values of order 1 over a few layers.
    private const double Float32Tolerance = 1e-4;

    [Fact]
    public void Backward_SecondStep_DoesNotAllocateTheLargeGradients()
    {
        var l1 = new Linear(8, 64);
        var l2 = new Linear(64, 64);
        var l3 = new Linear(64, 4);
        var x = Torch.Ones(512, 8);
        var y = Tensor.FromArray(new long[512], 512);
        long allocated = 0;
        for (int step = 0; step < 3; step++)
        {
            var loss = Functional.CrossEntropy(l3.Call(l2.Call(l1.Call(x).Relu()).Relu()), y);
            long before = GC.GetAllocatedBytesForCurrentThread();
            loss.Backward();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        // Without recycling, backward allocates 2 ReLU masks and dX of l3 and l2 (512×64 floats = 128 KiB each).
        Assert.True(allocated < 512 * 64 * sizeof(float), $"backward allocated {allocated} bytes");
    }

    private static float[] Grads(DType dtype)
    {
        var random = new System.Random(3);
        Tensor Leaf(params int[] shape)
        {
            var values = new double[Shapes.NumEl(shape)];
            for (int i = 0; i < values.Length; i++) values[i] = (random.NextDouble() * 2) - 1;
            return Tensor.FromArray(values, shape).To(dtype).RequiresGrad_();
        }
        Tensor w1 = Leaf(7, 5), b1 = Leaf(7), w2 = Leaf(7, 5), b2 = Leaf(7);
        Tensor h1w = Leaf(3, 7), h1b = Leaf(3), h2w = Leaf(3, 7), h2b = Leaf(3);
        var x = Leaf(11, 5).Detach();
        var target = Tensor.FromArray(new long[] { 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1 }, 11);
        var h = Functional.Linear(x, w1, b1).Relu().Add(Functional.Linear(x, w2, b2).Relu());
        var loss = Functional.CrossEntropy(Functional.Linear(h, h1w, h1b), target)
            .Add(Functional.CrossEntropy(Functional.Linear(h.Relu(), h2w, h2b), target));
        loss.Backward();
        var all = new List<float>();
        foreach (var p in new[] { w1, b1, w2, b2, h1w, h1b, h2w, h2b })
            foreach (var v in p.Grad!.To(DType.Float64).ToArray<double>()) all.Add((float)v);
        return [.. all];
    }
}
