using Kindling.Kernels;

namespace Kindling.Tests.Kernels;

/// <summary>The oracle for the GEMM tests: the textbook triple loop in double precision, and the classic
/// forward error bound of a float dot product.</summary>
internal static class GemmReference
{
    /// <summary>Unit roundoff of float32 (2⁻²⁴).</summary>
    public const double FloatUnitRoundoff = 1.0 / (1 << 24);

    /// <summary>Unit roundoff of float64 (2⁻⁵³).</summary>
    public const double DoubleUnitRoundoff = 1.0 / (1L << 53);

    /// <summary>A length-k float dot product summed in any order errs by at most γ_k·Σ|a·b| with
    /// γ_k ≈ k·u (Higham, Accuracy and Stability of Numerical Algorithms, §3.1); the alpha/beta/bias
    /// steps add a few roundings more, hence k + 4 roundings of the magnitude of every term.</summary>
    public static double Bound(int k, double magnitude, double unitRoundoff) => (k + 4) * unitRoundoff * magnitude;

    /// <summary>Fills with uniform values in [-1, 1) from a fixed seed.</summary>
    public static float[] RandomFloats(int count, int seed)
    {
        var random = new System.Random(seed);
        var data = new float[count];
        for (int i = 0; i < count; i++)
        {
            data[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return data;
    }

    /// <summary>Reference C and the magnitude Σ|terms| per element, in double.</summary>
    public static (double[] Value, double[] Magnitude) Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        float[] a, int lda, float[] b, int ldb, float beta, float[] c, int ldc, float[]? bias, Epilogue epilogue, float[]? mask)
    {
        var value = new double[c.Length];
        var magnitude = new double[c.Length];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0, abs = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = transA ? a[(p * lda) + i] : a[(i * lda) + p];
                    double y = transB ? b[(j * ldb) + p] : b[(p * ldb) + j];
                    s += x * y;
                    abs += Math.Abs(x * y);
                }

                double old = c[(i * ldc) + j];
                double r = (alpha * s) + (beta == 0 ? 0 : beta * old);
                double mag = (Math.Abs(alpha) * abs) + (beta == 0 ? 0 : Math.Abs(beta * old));
                if (bias is not null)
                {
                    r += bias[j];
                    mag += Math.Abs(bias[j]);
                }

                if (epilogue == Epilogue.Relu)
                {
                    r = Math.Max(r, 0);
                }
                else if (epilogue == Epilogue.ReluMask && !(mask![(i * ldc) + j] > 0))
                {
                    r = 0;
                }

                value[(i * ldc) + j] = r;
                magnitude[(i * ldc) + j] = mag;
            }
        }

        return (value, magnitude);
    }
}
