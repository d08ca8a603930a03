using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kindling;

/// <summary>e^x over a span of doubles, vectorised, accurate to about one ulp: the float32 results built from it
/// (cross-entropy's probabilities and gradients) round the same as with <see cref="Math.Exp(double)"/>.</summary>
/// <remarks>
/// Cody–Waite reduction x = k·ln2 + r with |r| ≤ ln2/2 (ln2 split in a high part whose product with k is exact and
/// a low part, as fdlibm's exp), e^r by its Taylor series to degree 13 (truncation below 5e-18 relative at
/// |r| = 0.347) in Horner form with fused multiply-adds, then two multiplies by 2^⌊k/2⌋ and 2^(k−⌊k/2⌋) built in
/// the exponent bits (two, so that k = 1024 and denormal results come out right); NaN stays NaN.
/// </remarks>
internal static class ExpKernel
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Underflow = -745.2;               // below ln(2^−1075): e^x rounds to 0
    private const double Overflow = 709.782712893384;      // ln(DBL_MAX): e^x rounds to +∞ above it

    /// <summary>x[i] ← e^x[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ExpInPlace(Span<double> x)
    {
        int w = Vector<double>.Count, i = 0;
        for (; i + w <= x.Length; i += w)
            Exp(new Vector<double>(x.Slice(i, w))).CopyTo(x.Slice(i, w));
        if (i == x.Length) return;
        // The tail through one padded vector, so every element takes the same arithmetic.
        Span<double> tail = stackalloc double[w];
        x[i..].CopyTo(tail);
        Exp(new Vector<double>(tail)).CopyTo(tail);
        tail[..(x.Length - i)].CopyTo(x[i..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Exp(Vector<double> x)
    {
        var k = Vector.Round(x * Log2E);
        var r = Vector.FusedMultiplyAdd(k, new Vector<double>(-Ln2Hi), x);
        r = Vector.FusedMultiplyAdd(k, new Vector<double>(-Ln2Lo), r);
        var p = new Vector<double>(1.0 / 6227020800);                   // 1/13!
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 479001600));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 39916800));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 3628800));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 362880));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 40320));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 5040));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 720));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 120));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 24));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 6));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(0.5));
        p = Vector.FusedMultiplyAdd(p, r, Vector<double>.One);
        p = Vector.FusedMultiplyAdd(p, r, Vector<double>.One);
        // 2^k as two normal factors for k in [−1075, 1024]; lanes outside are replaced below.
        var inRange = Vector.GreaterThanOrEqual(x, new Vector<double>(Underflow)) & Vector.LessThanOrEqual(x, new Vector<double>(Overflow));
        var kInt = Vector.ConvertToInt64(Vector.ConditionalSelect(inRange, k, Vector<double>.Zero));
        var half = Vector.ShiftRightArithmetic(kInt, 1);
        var bias = new Vector<long>(1023);
        var result = p * Vector.As<long, double>(Vector.ShiftLeft(half + bias, 52))
                       * Vector.As<long, double>(Vector.ShiftLeft(kInt - half + bias, 52));
        result = Vector.ConditionalSelect(Vector.LessThan(x, new Vector<double>(Underflow)), Vector<double>.Zero, result);
        return Vector.ConditionalSelect(Vector.GreaterThan(x, new Vector<double>(Overflow)),
            new Vector<double>(double.PositiveInfinity), result);
    }
}
