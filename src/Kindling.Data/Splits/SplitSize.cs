using System.Globalization;

namespace Kindling.Data;

/// <summary>
/// A split size as scikit-learn takes it: a fraction in (0, 1) of the samples, or an absolute count.
/// Converts implicitly from <see cref="double"/> (fraction) and <see cref="int"/> (count), so
/// <c>testSize: 0.2</c> and <c>testSize: 37</c> read as in Python.
/// </summary>
public readonly record struct SplitSize
{
    SplitSize(double? fraction, int? count) => (Fraction, Count) = (fraction, count);

    /// <summary>The fraction, when the size was given as a floating-point number.</summary>
    public double? Fraction { get; }

    /// <summary>The count, when the size was given as an integer.</summary>
    public int? Count { get; }

    /// <summary>A fraction of the samples (scikit-learn's float size).</summary>
    public static SplitSize FromFraction(double fraction) => new(fraction, null);

    /// <summary>An absolute number of samples (scikit-learn's int size).</summary>
    public static SplitSize FromCount(int count) => new(null, count);

    public static implicit operator SplitSize(double fraction) => FromFraction(fraction);

    public static implicit operator SplitSize(int count) => FromCount(count);

    /// <inheritdoc/>
    public override string ToString() =>
        Count is int c ? c.ToString(CultureInfo.InvariantCulture) : Fraction!.Value.ToString("R", CultureInfo.InvariantCulture);
}
