using System.Text;
using csFastFloat;

namespace Kindling.Data;

/// <summary>One cell's UTF-8 bytes judged as <see cref="ColumnBuilder"/> judges its chars: a number, a missing value
/// or text. ASCII cells (nearly all) are decided on the bytes; any other cell is decoded and given to the char rules,
/// so both readers agree on every input.</summary>
static class Utf8Cell
{
    internal enum Kind : byte { Number, Missing, Text }

    const int StackChars = 256;

    /// <summary>The ASCII bytes <see cref="char.IsWhiteSpace(char)"/> accepts: what <c>Trim()</c> removes from a cell's chars.</summary>
    internal static readonly byte[] Space = Enumerable.Range(0, 128).Where(c => char.IsWhiteSpace((char)c)).Select(c => (byte)c).ToArray();

    /// <summary>Classifies <paramref name="cell"/> (unescaped field bytes); <paramref name="value"/> is NaN unless a number.</summary>
    internal static Kind Classify(ReadOnlySpan<byte> cell, MissingTokens missing, out double value)
    {
        var trimmed = cell.Trim(Space);
        if (!trimmed.IsEmpty && (trimmed[0] >= 0x80 || trimmed[^1] >= 0x80)) return ClassifyChars(cell, missing, out value);
        // Numbers first (the common cell) unless a missing token is itself a number, which must win.
        if (!missing.HasNumericToken
            && (SimpleDecimal.TryParse(trimmed, out value, out int consumed)
                || FastDoubleParser.TryParseDouble(trimmed, out consumed, out value, System.Globalization.NumberStyles.Float, (byte)'.'))
            && consumed == trimmed.Length && !double.IsNaN(value))
            return Kind.Number;
        if (missing.Contains(trimmed))
        {
            value = double.NaN;
            return Kind.Missing;
        }
        return ClassifyChars(trimmed, missing, out value);
    }

    static Kind ClassifyChars(ReadOnlySpan<byte> cell, MissingTokens missing, out double value)
    {
        char[]? rented = null;
        Span<char> chars = cell.Length <= StackChars ? stackalloc char[StackChars] : (rented = new char[cell.Length]);
        int length = Encoding.UTF8.GetChars(cell, chars);
        var trimmed = chars[..length].Trim();
        value = double.NaN;
        if (missing.Contains(trimmed)) return Kind.Missing;
        return NumberParser.TryParse(trimmed, out value) ? Kind.Number : Kind.Text;
    }

    /// <summary>Whether a field that is alone on its line is blank (the reader skips it, as pandas does).</summary>
    internal static bool IsBlank(ReadOnlySpan<byte> field)
    {
        if (field.Trim(Space).IsEmpty) return true;
        if (field.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0) return false;
        return Encoding.UTF8.GetString(field).Trim().Length == 0;
    }
}
