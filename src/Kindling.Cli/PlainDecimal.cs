using System.Globalization;

namespace Kindling.Cli;

/// <summary>Numbers for people and spreadsheets: the shortest text that reads back to the same value (.NET's
/// round-trip format, as Python's repr), written as a plain decimal, 0.0000123 instead of 1.23E-05.</summary>
static class PlainDecimal
{
    public static string Format(float value) => Expand(value.ToString("R", CultureInfo.InvariantCulture));

    public static string Format(double value) => Expand(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Moves the decimal point of "d.dddE±x" instead of printing the exponent; the digits are unchanged,
    /// so the value still round-trips.</summary>
    static string Expand(string text)
    {
        int e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0) return text;   // already plain, or NaN / Infinity
        int exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = text[..e];
        string sign = mantissa.StartsWith('-') ? "-" : "";
        mantissa = mantissa.TrimStart('-');
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        int point = (dot < 0 ? mantissa.Length : dot) + exponent;   // digits before the decimal point
        if (point <= 0) return $"{sign}0.{new string('0', -point)}{digits}";
        if (point >= digits.Length) return sign + digits + new string('0', point - digits.Length);
        return $"{sign}{digits[..point]}.{digits[point..]}";
    }
}
