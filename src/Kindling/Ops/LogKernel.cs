using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kindling;

/// <summary>ln x over a span of doubles, vectorised, within about one ulp of <see cref="Math.Log(double)"/>
/// (cross-entropy's log Σ e^(x − max) per row).</summary>
/// <remarks>
/// fdlibm's reduction: x = 2^k·m with √½ ≤ m &lt; √2, f = m − 1, s = f/(2 + f), and
/// ln(1 + f) = f − (f²/2 − s·(f²/2 + R)) with R = 2z/3 + 2z²/5 + … (z = s², the series of 2·atanh s, |s| ≤ 0.172:
/// eleven terms leave a truncation below 1e-19), then k·ln2 added in a high and a low part. Subnormal inputs are
/// scaled by 2^54 first; 0 gives −∞, negatives and NaN give NaN, +∞ stays +∞.
/// </remarks>
internal static class LogKernel
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.4142135623730951;
    private const double SmallestNormal = 2.2250738585072014e-308;
    private const double Two54 = 18014398509481984.0;

    /// <summary>x[i] ← ln x[i].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LogInPlace(Span<double> x)
    {
        int w = Vector<double>.Count, i = 0;
        for (; i + w <= x.Length; i += w)
            Log(new Vector<double>(x.Slice(i, w))).CopyTo(x.Slice(i, w));
        if (i == x.Length) return;
        Span<double> tail = stackalloc double[w];
        tail.Fill(1);
        x[i..].CopyTo(tail);
        Log(new Vector<double>(tail)).CopyTo(tail);
        tail[..(x.Length - i)].CopyTo(x[i..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> Log(Vector<double> x)
    {
        var subnormal = Vector.LessThan(x, new Vector<double>(SmallestNormal));
        var scaled = Vector.ConditionalSelect(subnormal, x * Two54, x);
        var bits = Vector.As<double, long>(scaled);
        var k = Vector.ShiftRightLogical(bits, 52) - new Vector<long>(1023)
                - Vector.ConditionalSelect(subnormal, new Vector<long>(54), Vector<long>.Zero);
        var m = Vector.As<long, double>((bits & new Vector<long>(0x000F_FFFF_FFFF_FFFF)) | new Vector<long>(0x3FF0_0000_0000_0000));
        var high = Vector.GreaterThan(m, new Vector<double>(Sqrt2));
        m = Vector.ConditionalSelect(high, m * 0.5, m);
        k -= high;   // a true lane is −1: k + 1
        var f = m - Vector<double>.One;
        var s = f / (new Vector<double>(2.0) + f);
        var z = s * s;
        var r = new Vector<double>(2.0 / 23);
        r = Vector.FusedMultiplyAdd(r, z, new Vector<double>(2.0 / 21));
        r = Vector.FusedMultiplyAdd(r, z, new Vector<double>(2.0 / 19));
        r = Vector.FusedMultiplyAdd(r, z, new Vector<double>(2.0 / 17));
        r = Vector.FusedMultiplyAdd(r, z, new Vector<double>(2.0 / 15));
        r = Vector.FusedMultiplyAdd(r, z, new Vector<double>(2.0 / 13));
        r = Vector.FusedMultiplyAdd(r, z, new Vector<double>(2.0 / 11));
        r = Vector.FusedMultiplyAdd(r, z, new Vector<double>(2.0 / 9));
        r = Vector.FusedMultiplyAdd(r, z, new Vector<double>(2.0 / 7));
        r = Vector.FusedMultiplyAdd(r, z, new Vector<double>(2.0 / 5));
        r = Vector.FusedMultiplyAdd(r, z, new Vector<double>(2.0 / 3));
        r *= z;
        var hfsq = 0.5 * f * f;
        var kd = Vector.ConvertToDouble(k);
        var result = (kd * Ln2Hi) - ((hfsq - ((s * (hfsq + r)) + (kd * Ln2Lo))) - f);
        // Special values, in the order that lets the last rule win: +∞, 0, then negatives and NaN.
        result = Vector.ConditionalSelect(Vector.Equals(x, new Vector<double>(double.PositiveInfinity)), x, result);
        result = Vector.ConditionalSelect(Vector.Equals(x, Vector<double>.Zero), new Vector<double>(double.NegativeInfinity), result);
        var invalid = Vector.LessThan(x, Vector<double>.Zero) | ~Vector.Equals(x, x);
        return Vector.ConditionalSelect(invalid, new Vector<double>(double.NaN), result);
    }
}
