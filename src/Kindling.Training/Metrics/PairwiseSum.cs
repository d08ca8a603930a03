using System.Numerics;

namespace Kindling.Training.Metrics;

/// <summary>
/// NumPy's summation order, so sums of doubles round exactly as scikit-learn's do: fewer than 8
/// terms are added left to right; up to 128 terms go through 8 running partial sums combined as
/// ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)) plus a left-to-right tail; longer runs split in two halves
/// (the first a multiple of 8) summed recursively. See numpy.sum's note on pairwise summation:
/// https://numpy.org/doc/1.24/reference/generated/numpy.sum.html
/// </summary>
internal static class PairwiseSum
{
    private const int BlockSize = 128;

    public static T Sum<T>(ReadOnlySpan<T> values) where T : IFloatingPoint<T>
    {
        int n = values.Length;
        if (n < 8)
        {
            // NumPy starts this accumulator at -0.0 so that a sum of negative zeros stays -0.0.
            T res = -T.Zero;
            foreach (T v in values)
            {
                res += v;
            }

            return res;
        }

        if (n <= BlockSize)
        {
            T r0 = values[0], r1 = values[1], r2 = values[2], r3 = values[3];
            T r4 = values[4], r5 = values[5], r6 = values[6], r7 = values[7];
            int i = 8;
            for (; i < n - (n % 8); i += 8)
            {
                r0 += values[i];
                r1 += values[i + 1];
                r2 += values[i + 2];
                r3 += values[i + 3];
                r4 += values[i + 4];
                r5 += values[i + 5];
                r6 += values[i + 6];
                r7 += values[i + 7];
            }

            T res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++)
            {
                res += values[i];
            }

            return res;
        }

        int half = n / 2;
        half -= half % 8;
        return Sum(values[..half]) + Sum(values[half..]);
    }

    /// <summary>NumPy's <c>mean</c>: the pairwise sum divided by the count.</summary>
    public static double Mean(ReadOnlySpan<double> values) => Sum(values) / values.Length;
}
