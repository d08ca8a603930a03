namespace Kindling.Tests.Tensors;

public sealed class SmokeTests
{
    [Fact]
    public void Mlp_Backward_RunsAndPrints()
    {
        var x = Torch.Tensor(new float[,] { { 0.1f, -2f }, { 3f, 4f } });
        Assert.Equal("tensor([[ 0.1000, -2.0000],\n        [ 3.0000,  4.0000]])", x.ToString());
        var w = Torch.Tensor(new float[,] { { 1f, 2f, 3f }, { 4f, 5f, 6f } }, requiresGrad: true);
        var b = Torch.Tensor(new float[] { 0.5f, -0.5f, 1f }, requiresGrad: true);
        var y = x.MatMul(w).Add(b).Relu().Sum(1).Mean();
        Assert.Equal("MeanBackward0", y.GradFn!.Name);
        y.Backward();
        Assert.NotNull(w.Grad);
        Assert.Equal(new float[] { 1.5f, 1.5f, 1.5f, 2f, 2f, 2f }, w.Grad!.ToArray<float>());
        Assert.Equal("tensor([1, 2, 3])", Torch.Tensor(new long[] { 1, 2, 3 }).ToString());
        Assert.Equal("tensor([ True, False])", Torch.Tensor(new[] { true, false }).ToString());
    }
}
