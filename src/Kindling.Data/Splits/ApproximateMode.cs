// scikit-learn 1.2 utils._approximate_mode — RANDOMNESS.md §4.
using Kindling.Random;

namespace Kindling.Data;

internal static class ApproximateMode
{
    /// <summary>
    /// Splits <paramref name="draws"/> across classes in proportion to <paramref name="counts"/>: floor of
    /// counts/total·draws, then the leftovers go to the largest remainders, ties broken by
    /// <c>rng.choice(tied, k, replace=False)</c> (which permutes the whole tied set).
    /// </summary>
    public static int[] Compute(int[] counts, int draws, RandomState rng)
    {
        long total = counts.Sum(c => (long)c);
        var continuous = counts.Select(c => (double)c / total * draws).ToArray();   // Python's evaluation order
        var floored = continuous.Select(Math.Floor).ToArray();
        long need = draws - (long)floored.Sum();
        if (need > 0)
        {
            var remainder = continuous.Select((v, i) => v - floored[i]).ToArray();
            foreach (double value in remainder.Distinct().OrderDescending())
            {
                var tied = Enumerable.Range(0, remainder.Length).Where(i => remainder[i] == value).ToArray();
                int addNow = (int)Math.Min(tied.Length, need);
                var perm = rng.Permutation(tied.Length);
                for (int k = 0; k < addNow; k++) floored[tied[perm[k]]] += 1;
                need -= addNow;
                if (need == 0) break;
            }
        }
        return floored.Select(v => (int)v).ToArray();
    }
}
