using System.Globalization;

namespace Kindling.Data;

/// <summary>
/// <see cref="Schema.Describe(Column)"/> for a numeric column without formatting every value: values are counted by
/// their bits (distinct doubles are exactly the distinct round-trip strings), and only the values that can be among
/// the most frequent are formatted. The report is the one formatting every value gives: the most frequent first, ties
/// in ordinal order of their text.
/// </summary>
static class NumericSummary
{
    internal static ColumnSummary Describe(NumericColumn column)
    {
        var values = column.Values;
        int missing = 0;
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        foreach (double v in values)
        {
            if (double.IsNaN(v)) { missing++; continue; }
            min = Math.Min(min, v);
            max = Math.Max(max, v);
            sum += v;
        }
        int count = values.Length - missing;
        var counts = new BitsCounter(count);
        foreach (double v in values) if (!double.IsNaN(v)) counts.Add(BitConverter.DoubleToInt64Bits(v));
        bool stats = count > 0;
        return new ColumnSummary(column.Name, ColumnKind.Numeric, count, missing, counts.Distinct,
            stats ? min : null, stats ? max : null, stats ? sum / count : null, Top(counts.Entries()));
    }

    static ValueCount[] Top(List<(long Bits, int Count)> counts)
    {
        if (counts.Count == 0) return [];
        // The count of the last place: everything above it is in; the values tied at it compete by their text.
        var best = new List<int>(Schema.TopCount + 1);
        foreach (var (_, c) in counts)
        {
            if (best.Count == Schema.TopCount && c <= best[^1]) continue;
            int at = best.FindIndex(b => b < c);
            best.Insert(at < 0 ? best.Count : at, c);
            if (best.Count > Schema.TopCount) best.RemoveAt(best.Count - 1);
        }
        int last = best[^1];
        var top = new List<(string Text, int Count)>();
        var tied = new List<double>();
        foreach (var (bits, c) in counts)
        {
            if (c > last) top.Add((Format(bits), c));
            else if (c == last) tied.Add(BitConverter.Int64BitsToDouble(bits));
        }
        top.AddRange(SmallestTexts(tied, Schema.TopCount - top.Count).Select(t => (t, last)));
        return top.OrderByDescending(t => t.Count).ThenBy(t => t.Text, StringComparer.Ordinal)
            .Select(t => new ValueCount(t.Text, t.Count)).ToArray();
    }

    /// <summary>Counts of 64-bit keys in one open-addressing table sized up front (linear probing, Fibonacci hashing):
    /// one memory access per value where a Dictionary takes two and regrows.</summary>
    sealed class BitsCounter
    {
        readonly long[] _keys;
        readonly int[] _counts;
        readonly int _shift;

        internal BitsCounter(int values)
        {
            int bits = Math.Max(4, 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)values * 2));
            _keys = new long[1 << bits];
            _counts = new int[1 << bits];
            _shift = 64 - bits;
        }

        internal int Distinct { get; private set; }

        internal void Add(long key)
        {
            int mask = _keys.Length - 1;
            int i = (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);
            while (_counts[i] != 0 && _keys[i] != key) i = (i + 1) & mask;
            if (_counts[i]++ == 0)
            {
                _keys[i] = key;
                Distinct++;
            }
        }

        internal List<(long Bits, int Count)> Entries()
        {
            var entries = new List<(long, int)>(Distinct);
            for (int i = 0; i < _keys.Length; i++) if (_counts[i] != 0) entries.Add((_keys[i], _counts[i]));
            return entries;
        }
    }

    // The k ordinally smallest round-trip texts of distinct values. Negative ones ("-…") sort before the rest (digits);
    // within a sign, a magnitude that is 0 or in [1e-4, 1) prints as "0" or "0.ddd" — before any other magnitude (their
    // text starts with 1-9) and in numeric order — so only the remaining cases need their text.
    static IEnumerable<string> SmallestTexts(List<double> values, int k)
    {
        if (values.Count <= 64) return values.Select(Format).Order(StringComparer.Ordinal).Take(k).ToArray();
        var result = new List<string>(k);
        foreach (bool negative in new[] { true, false })
        {
            if (result.Count == k) break;
            var sign = values.Where(v => double.IsNegative(v) == negative).Select(Math.Abs).ToList();
            var low = sign.Where(m => m == 0 || (m >= 1e-4 && m < 1)).Order().Take(k - result.Count);
            result.AddRange(low.Select(m => Format(negative ? -m : m)));
            if (result.Count == k) break;
            var rest = sign.Where(m => !(m == 0 || (m >= 1e-4 && m < 1))).Select(m => Format(negative ? -m : m));
            result.AddRange(rest.Order(StringComparer.Ordinal).Take(k - result.Count));
        }
        return result;
    }

    static string Format(long bits) => Format(BitConverter.Int64BitsToDouble(bits));

    static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
