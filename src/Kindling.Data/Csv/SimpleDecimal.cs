namespace Kindling.Data;

/// <summary>
/// The common shape of a CSV number — <c>[+-]digits[.digits][e[+-]digits]</c> with at most 19 significant digits —
/// parsed by Clinger's fast path: when the digits make an integer m ≤ 2⁵³ and the power of ten is at most 22, both
/// are exact doubles, so the one IEEE multiplication or division m·10^e rounds correctly: the same double as any
/// correct parser (csFastFloat takes the same path after a longer scan). Anything else is left to the general parser.
/// </summary>
/// <remarks>W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990.</remarks>
static class SimpleDecimal
{
    static readonly double[] Pow10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses the number at the start of <paramref name="s"/>; <paramref name="consumed"/> is its length.
    /// False when there is none or it needs the general parser.</summary>
    internal static bool TryParse(ReadOnlySpan<byte> s, out double value, out int consumed)
    {
        value = 0;
        consumed = 0;
        int i = 0;
        bool negative = false;
        if (i < s.Length && (s[i] == (byte)'-' || s[i] == (byte)'+'))
        {
            negative = s[i] == (byte)'-';
            i++;
        }
        ulong m = 0;
        int digits = 0;
        uint d;
        while (i < s.Length && (d = (uint)(s[i] - '0')) <= 9)
        {
            m = m * 10 + d;
            i++;
            digits++;
        }
        int fraction = 0;
        if (i < s.Length && s[i] == (byte)'.')
        {
            i++;
            while (i < s.Length && (d = (uint)(s[i] - '0')) <= 9)
            {
                m = m * 10 + d;
                i++;
                fraction++;
            }
        }
        digits += fraction;
        if (digits == 0 || digits > 19) return false;
        int exponent = -fraction;
        if (i < s.Length && (s[i] | 0x20) == (byte)'e')
        {
            i++;
            bool negativeExponent = false;
            if (i < s.Length && (s[i] == (byte)'-' || s[i] == (byte)'+'))
            {
                negativeExponent = s[i] == (byte)'-';
                i++;
            }
            int e = 0, exponentDigits = 0;
            while (i < s.Length && (d = (uint)(s[i] - '0')) <= 9 && exponentDigits < 4)
            {
                e = e * 10 + (int)d;
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0 || exponentDigits == 4) return false;
            exponent += negativeExponent ? -e : e;
        }
        if (m > 1UL << 53 || exponent < -22 || exponent > 22) return false;
        value = exponent < 0 ? m / Pow10[-exponent] : m * Pow10[exponent];
        if (negative) value = -value;
        consumed = i;
        return true;
    }
}
