namespace Kindling.Tests.Autograd;

/// <summary>Autograd semantics as PyTorch documents them (https://pytorch.org/docs/stable/autograd.html); the
/// expected values are worked by hand from the chain rule, the error texts are PyTorch's.</summary>
public sealed class BackwardTests
{
    [Fact]
    public void Backward_Twice_AccumulatesIntoGrad()
    {
        var x = Torch.Tensor(new float[] { 1, 2, 3 }, requiresGrad: true);
        x.Mul(2).Sum().Backward();
        x.Mul(3).Sum().Backward();
        Assert.Equal(new float[] { 5, 5, 5 }, x.Grad!.ToArray<float>());
    }

    [Fact]
    public void Backward_SharedSubexpression_SumsBothPaths()
    {
        var x = Torch.Tensor(new float[] { 2 }, requiresGrad: true);
        var y = x.Mul(x);           // x², used twice below
        y.Add(y.Mul(3)).Sum().Backward();   // d(4x²)/dx = 8x = 16
        Assert.Equal(16f, x.Grad!.ToArray<float>()[0]);
    }

    [Fact]
    public void Backward_NonScalarWithoutGradient_Throws()
    {
        var x = Torch.Tensor(new float[] { 1, 2 }, requiresGrad: true);
        var ex = Assert.Throws<InvalidOperationException>(() => x.Mul(2).Backward());
        Assert.Contains("grad can be implicitly created only for scalar outputs", ex.Message);
    }

    [Fact]
    public void Backward_NonScalarWithGradient_UsesIt()
    {
        var x = Torch.Tensor(new float[] { 1, 2 }, requiresGrad: true);
        x.Mul(3).Backward(Torch.Tensor(new float[] { 1, 10 }));
        Assert.Equal(new float[] { 3, 30 }, x.Grad!.ToArray<float>());
    }

    [Fact]
    public void Backward_SecondTimeThroughFreedGraph_ThrowsUnlessRetained()
    {
        var x = Torch.Tensor(new float[] { 1, 2 }, requiresGrad: true);
        var loss = x.Exp().Sum();
        loss.Backward(retainGraph: true);
        loss.Backward();
        var ex = Assert.Throws<InvalidOperationException>(() => loss.Backward());
        Assert.Contains("Trying to backward through the graph a second time", ex.Message);
        Assert.Contains("retainGraph: true", ex.Message);
    }

    [Fact]
    public void Backward_GraphWithoutSavedTensors_CanRunTwice()
    {
        // As PyTorch: AddBackward0/SumBackward0 save no tensors, so nothing is freed.
        var x = Torch.Tensor(new float[] { 1, 2 }, requiresGrad: true);
        var loss = x.Add(1).Sum();
        loss.Backward();
        loss.Backward();
        Assert.Equal(new float[] { 2, 2 }, x.Grad!.ToArray<float>());
    }

    [Fact]
    public void Backward_OnTensorWithoutGrad_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Torch.Ones(2).Sum().Backward());
        Assert.Contains("does not require grad", ex.Message);
    }

    [Fact]
    public void NoGrad_Nested_RestoresOuterMode()
    {
        var x = Torch.Ones([2], DType.Float32, requiresGrad: true);
        using (Torch.NoGrad())
        {
            using (Torch.NoGrad()) Assert.False(Torch.IsGradEnabled);
            Assert.False(Torch.IsGradEnabled);
            var y = x.Mul(2);
            Assert.False(y.RequiresGrad);
            Assert.Null(y.GradFn);
            using (Torch.EnableGrad()) Assert.True(x.Mul(2).RequiresGrad);
        }
        Assert.True(Torch.IsGradEnabled);
        Assert.True(x.Mul(2).RequiresGrad);
    }

    [Fact]
    public void NoGrad_IsPerThread()
    {
        using (Torch.NoGrad())
        {
            bool other = false;
            var thread = new Thread(() => other = Torch.IsGradEnabled);
            thread.Start();
            thread.Join();
            Assert.True(other);
        }
    }

    [Fact]
    public void Detach_SharesStorageWithoutHistory()
    {
        var x = Torch.Tensor(new float[] { 1, 2 }, requiresGrad: true);
        var y = x.Mul(2);
        var d = y.Detach();
        Assert.True(d.IsLeaf);
        Assert.False(d.RequiresGrad);
        d.Fill_(7);
        Assert.Equal(new float[] { 7, 7 }, y.ToArray<float>());
    }

    [Fact]
    public void RequiresGrad_PropagatesAndLeavesAreMarked()
    {
        var w = Torch.Ones([2], DType.Float32, requiresGrad: true);
        var c = Torch.Ones(2);
        var y = w.Add(c);
        Assert.True(w.IsLeaf);
        Assert.False(y.IsLeaf);
        Assert.True(y.RequiresGrad);
        Assert.False(c.Add(c).RequiresGrad);
        Assert.Equal("AddBackward0", y.GradFn!.Name);
        Assert.Equal("AccumulateGrad", y.GradFn.NextFunctions[0]!.Name);
        Assert.Null(y.GradFn.NextFunctions[1]);
    }

    [Fact]
    public void RequiresGrad_SetOnNonLeaf_Throws()
    {
        var y = Torch.Ones([2], DType.Float32, requiresGrad: true).Mul(2);
        Assert.Throws<InvalidOperationException>(() => y.RequiresGrad = false);
    }

    [Fact]
    public void RequiresGrad_OnIntegerTensor_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Torch.Tensor(new long[] { 1 }).RequiresGrad = true);
        Assert.Contains("floating point", ex.Message);
    }

    [Fact]
    public void Backward_BroadcastBias_GradientSummedToBiasShape()
    {
        var x = Torch.Ones(4, 3);
        var b = Torch.Zeros([3], DType.Float32, requiresGrad: true);
        x.Add(b).Sum().Backward();
        Assert.Equal(new[] { 3 }, b.Grad!.Shape);
        Assert.Equal(new float[] { 4, 4, 4 }, b.Grad.ToArray<float>());
    }

    [Fact]
    public void FunctionApply_CustomOp_RecordsNameAndGradient()
    {
        var x = Torch.Tensor(new float[] { 1, 2, 3 }, requiresGrad: true);
        var output = Tensor.FromArray(new float[] { 3, 6, 9 }, 3);   // "computed by a kernel": 3x
        var y = Kindling.Autograd.Function.Apply("TripleBackward0", output, [x], g => [g.Mul(3)]);
        Assert.Equal("TripleBackward0", y.GradFn!.Name);
        y.Sum().Backward();
        Assert.Equal(new float[] { 3, 3, 3 }, x.Grad!.ToArray<float>());
    }

    [Fact]
    public void FunctionApply_UnderNoGrad_RecordsNothing()
    {
        var x = Torch.Tensor(new float[] { 1 }, requiresGrad: true);
        using (Torch.NoGrad())
        {
            var y = Kindling.Autograd.Function.Apply("X", Torch.Ones(1), [x], g => [g]);
            Assert.Null(y.GradFn);
        }
    }
}
