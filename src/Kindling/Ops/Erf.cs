namespace Kindling;

/// <summary>The error function in double precision, for GELU (.NET has no Math.Erf).</summary>
internal static class Erf
{
    public const double InvSqrt2 = 0.70710678118654752440;
    public const double InvSqrt2Pi = 0.39894228040143267794;
    public const double Sqrt2OverPi = 0.79788456080286535588;
    private const double TwoOverSqrtPi = 1.12837916709551257390;

    /// <summary>erf(x) to about 1e-15 relative.</summary>
    /// <remarks>Uses the series erf(x) = (2/√π)·e^(−x²)·Σₙ 2ⁿx^(2n+1)/(1·3·…·(2n+1)) (Abramowitz &amp; Stegun 7.1.6):
    /// every term is positive, so nothing cancels. Beyond |x| = 6, erf is ±1 to double precision (erfc(6) ≈ 2e-17).</remarks>
    public static double Evaluate(double x)
    {
        if (double.IsNaN(x)) return x;
        double ax = Math.Abs(x);
        if (ax >= 6) return Math.Sign(x);
        double x2 = ax * ax, term = ax, sum = ax;
        for (int n = 0; n < 500 && term > sum * 1e-17; n++)
        {
            term *= 2 * x2 / (2 * n + 3);
            sum += term;
        }
        double r = TwoOverSqrtPi * Math.Exp(-x2) * sum;
        return x < 0 ? -r : r;
    }
}
