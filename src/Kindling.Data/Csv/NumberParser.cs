using System.Globalization;
using csFastFloat;

namespace Kindling.Data;

/// <summary>
/// Parses a cell as an invariant-culture number: digits, '.', exponent and sign only — no thousands
/// separators, so "0,5" and "1,000" are text, never silently 5 or 1000 (Sep's own <c>TryParse</c>
/// accepts thousands separators, which is why Kindling does not use it). "inf"/"Infinity" parse as
/// infinities, as in pandas; surrounding spaces are ignored. The fast path is csFastFloat (Lemire's
/// algorithm, correctly rounded, ~2× .NET's parser), accepted only when it consumes the whole cell.
/// </summary>
static class NumberParser
{
    internal static bool TryParse(ReadOnlySpan<char> cell, out double value)
    {
        var s = cell.Trim();
        if (FastDoubleParser.TryParseDouble(s, out int consumed, out value, NumberStyles.Float) && consumed == s.Length) return true;
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        // .NET accepts "Infinity" and "∞"; pandas also writes and reads "inf".
        bool negative = s.StartsWith('-');
        if (s.StartsWith('-') || s.StartsWith('+')) s = s[1..];
        if (s.Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        value = double.NaN;
        return false;
    }
}
