namespace Kindling.Data;

/// <summary>A 64-bit fingerprint of each row's cells in some columns: equal rows (same numbers, same labels, same
/// missing cells) hash alike whichever file they were read from, so rows of one file can be looked up among another's.
/// FNV-1a over the cells (a number's bits, a label's characters), then SplitMix64's finaliser so that every bit —
/// the low ones a sample is drawn by included — depends on the whole row.</summary>
public static class RowHashes
{
    const ulong Offset = 14695981039346656037, Prime = 1099511628211;

    /// <summary>The hash of each of <paramref name="rows"/> (all if null) over <paramref name="columns"/>, in that order.</summary>
    public static ulong[] Compute(Frame frame, IReadOnlyList<string> columns, int[]? rows = null)
    {
        int n = rows?.Length ?? frame.RowCount;
        var hashes = new ulong[n];
        Array.Fill(hashes, Offset);
        foreach (var name in columns)
        {
            var column = frame[name];
            for (int i = 0; i < n; i++)
            {
                int r = rows?[i] ?? i;
                ulong h = hashes[i];
                if (column is NumericColumn numeric)
                {
                    double x = numeric[r];
                    h = Mix(h, double.IsNaN(x) ? 0x7FF8000000000000UL : (ulong)BitConverter.DoubleToInt64Bits(x == 0 ? 0.0 : x));
                }
                else if (((CategoricalColumn)column)[r] is { } label)
                {
                    foreach (char c in label) h = Mix(h, c);
                    h = Mix(h, 0x1F);  // end of label: "ab","c" ≠ "a","bc"
                }
                else h = Mix(h, 0x1E);  // missing
                hashes[i] = h;
            }
        }
        for (int i = 0; i < n; i++) hashes[i] = Finalise(hashes[i]);
        return hashes;
    }

    static ulong Mix(ulong h, ulong value) => (h ^ value) * Prime;

    // SplitMix64 (Steele, Lea & Flood 2014), the finaliser of java.util.SplittableRandom.
    static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
