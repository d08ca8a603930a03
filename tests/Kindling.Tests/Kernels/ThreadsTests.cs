namespace Kindling.Tests.Kernels;

public sealed class ThreadsTests
{
    [Fact]
    public void GetNumThreads_Default_IsPositive()
    {
        Assert.True(Torch.GetNumThreads() >= 1);
    }

    [Fact]
    public void SetNumThreads_ThenGet_ReturnsIt()
    {
        int before = Torch.GetNumThreads();
        try
        {
            Torch.SetNumThreads(3);
            Assert.Equal(3, Torch.GetNumThreads());
        }
        finally
        {
            Torch.SetNumThreads(before);
        }
    }

    [Fact]
    public void SetNumThreads_Zero_ThrowsLikePyTorch()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Torch.SetNumThreads(0));
        Assert.Equal("numThreads", e.ParamName);
    }
}
