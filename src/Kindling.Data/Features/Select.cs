namespace Kindling.Data;

/// <summary>Order statistics without a full sort (Hoare's quickselect): the median of 800,000 values in O(n)
/// instead of sorting them. The k-th smallest value is the same number a sort would put at index k.</summary>
static class Select
{
    /// <summary>Rearranges <paramref name="values"/> (no NaN) so that index <paramref name="k"/> holds the value a sort would put
    /// there, everything before it is ≤ and everything after it ≥; returns that value.</summary>
    internal static double Nth(Span<double> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (hi > lo)
        {
            // Median of three as the pivot: sorted or constant runs (an integer column) stay O(n).
            int mid = lo + (hi - lo) / 2;
            double a = values[lo], b = values[mid], c = values[hi];
            double pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            // Now [lo, j] ≤ pivot ≤ [i, hi], and anything strictly between j and i equals the pivot.
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return values[k];
        }
        return values[k];
    }

    /// <summary>The median as NumPy's: the middle value, or the mean of the two middle ones for an even count.</summary>
    internal static double Median(Span<double> values)
    {
        int n = values.Length;
        double upper = Nth(values, n / 2);
        if (n % 2 == 1) return upper;
        // After the select, the lower middle value is the largest of the first n/2.
        double lower = values[0];
        foreach (double v in values[..(n / 2)]) if (v > lower) lower = v;
        return (lower + upper) / 2;
    }
}
