using Kindling.Kernels;
using Xunit.Abstractions;

namespace Kindling.Tests.Kernels;

public sealed class SgemmTests(ITestOutputHelper output)
{
    // Sizes around every blocking boundary: 1, odd sizes below/above the micro-tile (MR 4/6/8, NR 16/32),
    // past the 128-row block, past the 256-deep k-block, and the seed's 914-row batch.
    private static readonly (int M, int N, int K)[] Shapes =
    [
        (1, 1, 1), (3, 7, 5), (7, 17, 33), (17, 33, 7), (33, 65, 17), (65, 130, 3), (130, 17, 300),
        (9, 160, 257), (914, 16, 11), (914, 6, 16), (16, 11, 914),
    ];

    private static readonly (float Alpha, float Beta)[] Scalings = [(1f, 0f), (0.5f, 1f), (-1.5f, 2f)];

    [Theory]
    [InlineData(GemmPathName.Portable)]
    [InlineData(GemmPathName.Avx2)]
    [InlineData(GemmPathName.Avx512)]
    public void Sgemm_EveryTransposeSizeAndScaling_MatchesDoubleReference(GemmPathName pathName)
    {
        using ForcedPath? forced = ForcedPath.Use(pathName, output);
        if (forced is null)
        {
            return;
        }

        int seed = 1;
        foreach (var (m, n, k) in Shapes)
        {
            foreach (bool transA in new[] { false, true })
            {
                foreach (bool transB in new[] { false, true })
                {
                    var (alpha, beta) = Scalings[seed % Scalings.Length];
                    CheckAgainstReference(transA, transB, m, n, k, alpha, beta, Epilogue.None, withBias: false, seed++);
                }
            }
        }
    }

    [Theory]
    [InlineData(GemmPathName.Portable)]
    [InlineData(GemmPathName.Avx2)]
    [InlineData(GemmPathName.Avx512)]
    public void Sgemm_BiasAndEpilogues_MatchDoubleReference(GemmPathName pathName)
    {
        using ForcedPath? forced = ForcedPath.Use(pathName, output);
        if (forced is null)
        {
            return;
        }

        int seed = 100;
        foreach (var (m, n, k) in Shapes)
        {
            foreach (Epilogue epilogue in new[] { Epilogue.None, Epilogue.Relu, Epilogue.ReluMask })
            {
                bool transA = seed % 2 == 0, transB = seed % 3 == 0;
                CheckAgainstReference(transA, transB, m, n, k, 1f, seed % 4 == 0 ? 1f : 0f, epilogue, withBias: true, seed++);
            }
        }
    }

    [Theory]
    [InlineData(GemmPathName.Portable)]
    [InlineData(GemmPathName.Avx2)]
    [InlineData(GemmPathName.Avx512)]
    public void Sgemm_OneTwoAndThreeThreads_BitIdentical(GemmPathName pathName)
    {
        using ForcedPath? forced = ForcedPath.Use(pathName, output);
        if (forced is null)
        {
            return;
        }

        // Big enough to be split into tasks (≥ Gemm.ParallelFlops) and to cross the k-block and row-block sizes.
        foreach (var (m, n, k, transA, transB) in new[] { (300, 257, 520, false, true), (914, 16, 64, false, false), (914, 6, 100, false, true), (64, 33, 914, true, false) })
        {
            float[] a = GemmReference.RandomFloats(m * k, 7), b = GemmReference.RandomFloats(k * n, 8), bias = GemmReference.RandomFloats(n, 9);
            float[] start = GemmReference.RandomFloats(m * n, 10), one = (float[])start.Clone(), two = new float[m * n];
            try
            {
                KernelThreads.ForcedForThisThread = 1;
                Gemm.Sgemm(transA, transB, m, n, k, 0.75f, a, transA ? m : k, b, transB ? k : n, 0.5f, one, n, bias, Epilogue.Relu);
                float[] expected = one;
                // Repeated back to back: the pool's hand-off between jobs (spinning, taken-back workers) is exercised;
                // 3 threads on a 2-core machine also oversubscribes and re-sizes the pool.
                for (int repeat = 0; repeat < (m * n * k > 10_000_000 ? 2 : 20); repeat++)
                {
                    KernelThreads.ForcedForThisThread = 2 + (repeat % 2);
                    Array.Copy(start, two, start.Length);
                    Gemm.Sgemm(transA, transB, m, n, k, 0.75f, a, transA ? m : k, b, transB ? k : n, 0.5f, two, n, bias, Epilogue.Relu);
                    Assert.True(expected.AsSpan().SequenceEqual(two), $"{m}x{n}x{k}: 1 and {KernelThreads.ForcedForThisThread} threads differ (repeat {repeat})");
                }
            }
            finally
            {
                KernelThreads.ForcedForThisThread = 0;
            }
        }
    }

    [Fact]
    public void Sgemm_BetaZero_IgnoresNaNInC()
    {
        float[] a = [1, 2], b = [3, 4], c = [float.NaN];
        Gemm.Sgemm(false, false, 1, 1, 2, 1f, a, 2, b, 1, 0f, c, 1);
        Assert.Equal(11f, c[0]);
    }

    [Fact]
    public void Sgemm_KZero_ScalesCAndAddsBias()
    {
        float[] c = [1, -2, 3, -4];
        Gemm.Sgemm(false, false, 2, 2, 0, 1f, [], 1, [], 2, 2f, c, 2, [0.5f, 0.5f], Epilogue.Relu);
        Assert.Equal([2.5f, 0f, 6.5f, 0f], c);
    }

    [Fact]
    public void Sgemm_ShortBuffer_ThrowsNamingArgument()
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 3, 4, 1f, new float[7], 4, new float[12], 3, 0f, new float[6], 3));
        Assert.Equal("a", e.ParamName);
        Assert.Contains("2×4", e.Message);
        var bias = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 3, 4, 1f, new float[8], 4, new float[12], 3, 0f, new float[6], 3, new float[2]));
        Assert.Equal("bias", bias.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Sgemm(false, true, 2, 3, 4, 1f, new float[8], 4, new float[12], 3, 0f, new float[6], 3));
    }

    [Fact]
    public void Sgemm_AfterWarmUp_AllocatesNothing()
    {
        float[] a = GemmReference.RandomFloats(914 * 16, 1), b = GemmReference.RandomFloats(16 * 16, 2), c = new float[914 * 16];
        for (int i = 0; i < 3; i++)
        {
            Gemm.Sgemm(false, true, 914, 16, 16, 1f, a, 16, b, 16, 0f, c, 16, default, Epilogue.ReluMask, a);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++)
        {
            Gemm.Sgemm(false, true, 914, 16, 16, 1f, a, 16, b, 16, 0f, c, 16, default, Epilogue.ReluMask, a);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void CheckAgainstReference(bool transA, bool transB, int m, int n, int k, float alpha, float beta, Epilogue epilogue, bool withBias, int seed)
    {
        // Leading dimensions wider than the rows, so stride handling is exercised.
        int lda = (transA ? m : k) + 3, ldb = (transB ? k : n) + 2, ldc = n + 1;
        float[] a = GemmReference.RandomFloats(((transA ? k : m) * lda) + 1, seed);
        float[] b = GemmReference.RandomFloats(((transB ? n : k) * ldb) + 1, seed + 1000);
        float[] c = GemmReference.RandomFloats(m * ldc, seed + 2000);
        float[]? bias = withBias ? GemmReference.RandomFloats(n, seed + 3000) : null;
        float[]? mask = epilogue == Epilogue.ReluMask ? GemmReference.RandomFloats(m * ldc, seed + 4000) : null;
        float[] original = (float[])c.Clone();
        var (expected, magnitude) = GemmReference.Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias, epilogue, mask);
        Gemm.Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias, epilogue, mask);

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                int at = (i * ldc) + j;
                double bound = GemmReference.Bound(k, magnitude[at], GemmReference.FloatUnitRoundoff);
                if (!(Math.Abs(c[at] - expected[at]) <= bound))
                {
                    Assert.Fail($"{Gemm.Path} transA={transA} transB={transB} {m}x{n}x{k} alpha={alpha} beta={beta} {epilogue} bias={withBias}: " +
                        $"C[{i},{j}] = {c[at]}, expected {expected[at]} ± {bound}");
                }
            }

            // The padding column past n must be untouched.
            Assert.Equal(original[(i * ldc) + n], c[(i * ldc) + n]);
        }
    }
}
