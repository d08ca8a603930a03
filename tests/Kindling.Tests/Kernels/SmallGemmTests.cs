using Kindling.Kernels;
using Xunit.Abstractions;

namespace Kindling.Tests.Kernels;

/// <summary>The unpacked small-shape products against the blocked GEMM they stand in for: bit for bit, since
/// Linear's forward and backward switch between the two by shape (and the seed's numbers must not move).</summary>
public sealed class SmallGemmTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(914, 11, 16, false, true)]   // the seed's first layer, forward
    [InlineData(914, 16, 6, false, true)]
    [InlineData(914, 16, 16, true, true)]
    [InlineData(37, 256, 9, true, false)]    // k at the k-block's size
    [InlineData(3, 1, 1, false, false)]
    [InlineData(5, 7, 13, true, false)]      // rows not a multiple of 4
    public void TryRows_MatchesBlockedGemmBitForBit(int m, int k, int n, bool relu, bool transB)
    {
        using var path = ForcedPath.Use(GemmPathName.Avx512, output);
        if (path is null) return;
        using var threads = Threads(1);
        var a = GemmReference.RandomFloats(m * k, 1);
        var b = GemmReference.RandomFloats(k * n, 2);
        var bias = GemmReference.RandomFloats(n, 3);
        var small = new float[m * n];
        var blocked = new float[m * n];
        Assert.True(SmallGemm.TryRows(a, m, k, b, transB, n, small, bias, relu));
        Gemm.Sgemm(false, transB, m, n, k, 1f, a, k, b, transB ? k : n, 0f, blocked, n, bias, relu ? Epilogue.Relu : Epilogue.None);
        Assert.Equal(blocked, small);
    }

    [Theory]
    [InlineData(914, 16, 11)]   // the seed's dW of the first layer
    [InlineData(914, 6, 16)]
    [InlineData(256, 16, 16)]
    [InlineData(257, 3, 5)]     // one row past a k-block
    [InlineData(2000, 16, 1)]
    [InlineData(1, 1, 1)]
    public void TryTransposedA_MatchesBlockedGemmBitForBit(int k, int m, int n)
    {
        using var path = ForcedPath.Use(GemmPathName.Avx512, output);
        if (path is null) return;
        using var threads = Threads(1);
        var a = GemmReference.RandomFloats(k * m, 4);
        var b = GemmReference.RandomFloats(k * n, 5);
        var small = new float[m * n];
        var blocked = new float[m * n];
        Assert.True(SmallGemm.TryTransposedA(a, k, m, b, n, small));
        Gemm.Sgemm(true, false, m, n, k, 1f, a, m, b, n, 0f, blocked, n);
        Assert.Equal(blocked, small);
    }

    [Fact]
    public void TryRows_ProductWorthTwoThreads_LeftToTheBlockedGemm()
    {
        using var path = ForcedPath.Use(GemmPathName.Avx512, output);
        if (path is null) return;
        using var threads = Threads(2);
        Assert.False(SmallGemm.TryRows(new float[2000 * 16], 2000, 16, new float[16 * 16], false, 16, new float[2000 * 16], default, false));
    }

    [Fact]
    public void Try_OutOfRangeOrOtherPath_DeclinesAndWritesNothing()
    {
        using var threads = Threads(1);
        var c = new float[4 * 17];
        Assert.False(SmallGemm.TryRows(new float[4 * 3], 4, 3, new float[3 * 17], false, 17, c, default, false));
        Assert.False(SmallGemm.TryRows(new float[2 * 300], 2, 300, new float[300 * 4], false, 4, c, default, false));
        Assert.False(SmallGemm.TryTransposedA(new float[10 * 17], 10, 17, new float[10 * 2], 2, c));
        using (ForcedPath.Use(GemmPathName.Avx2, output))
            Assert.False(SmallGemm.TryRows(new float[4], 1, 4, new float[4], false, 1, c, default, false));
        Assert.All(c, v => Assert.Equal(0f, v));
    }

    // The small kernels decline products the blocked GEMM would run on several threads: pin the count for this thread.
    private static Restore Threads(int count)
    {
        KernelThreads.ForcedForThisThread = count;
        return default;
    }

    private readonly struct Restore : IDisposable
    {
        public void Dispose() => KernelThreads.ForcedForThisThread = 0;
    }
}
