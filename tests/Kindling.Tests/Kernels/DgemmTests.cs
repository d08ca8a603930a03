using Kindling.Kernels;

namespace Kindling.Tests.Kernels;

public sealed class DgemmTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 7, 5)]
    [InlineData(17, 33, 65)]
    [InlineData(130, 9, 300)]
    [InlineData(16, 11, 914)]
    public void Dgemm_EveryTransposeAndScaling_MatchesDoubleReference(int m, int n, int k)
    {
        int seed = m + n + k;
        foreach (bool transA in new[] { false, true })
        {
            foreach (bool transB in new[] { false, true })
            {
                foreach (var (alpha, beta, withBias) in new[] { (1.0, 0.0, false), (-0.5, 2.0, true) })
                {
                    int lda = (transA ? m : k) + 1, ldb = (transB ? k : n) + 2, ldc = n + 3;
                    double[] a = RandomDoubles(((transA ? k : m) * lda) + 1, seed++);
                    double[] b = RandomDoubles(((transB ? n : k) * ldb) + 1, seed++);
                    double[] c = RandomDoubles(m * ldc, seed++);
                    double[]? bias = withBias ? RandomDoubles(n, seed++) : null;
                    double[] original = (double[])c.Clone();
                    Gemm.Dgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, bias);
                    for (int i = 0; i < m; i++)
                    {
                        for (int j = 0; j < n; j++)
                        {
                            // The reference is the plain double loop: its own error is within the same bound as the
                            // kernel's, so the two may differ by twice the bound (an indexing bug errs by O(1)).
                            double sum = 0, abs = 0;
                            for (int p = 0; p < k; p++)
                            {
                                double x = transA ? a[(p * lda) + i] : a[(i * lda) + p];
                                double y = transB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                                sum += x * y;
                                abs += Math.Abs(x * y);
                            }

                            double old = original[(i * ldc) + j];
                            double expected = (alpha * sum) + (beta * old) + (bias is null ? 0 : bias[j]);
                            double magnitude = (Math.Abs(alpha) * abs) + Math.Abs(beta * old) + (bias is null ? 0 : Math.Abs(bias[j]));
                            double bound = 2 * GemmReference.Bound(k, magnitude, GemmReference.DoubleUnitRoundoff);
                            Assert.True(Math.Abs(c[(i * ldc) + j] - (double)expected) <= bound,
                                $"transA={transA} transB={transB} {m}x{n}x{k}: C[{i},{j}] = {c[(i * ldc) + j]}, expected {expected} ± {bound}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Dgemm_ShortC_ThrowsNamingArgument()
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm.Dgemm(false, false, 2, 2, 2, 1, new double[4], 2, new double[4], 2, 0, new double[3], 2));
        Assert.Equal("c", e.ParamName);
    }

    private static double[] RandomDoubles(int count, int seed)
    {
        var random = new System.Random(seed);
        var data = new double[count];
        for (int i = 0; i < count; i++)
        {
            data[i] = (random.NextDouble() * 2) - 1;
        }

        return data;
    }
}
