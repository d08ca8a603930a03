// How torch.utils.data (1.13) draws from the global generator per epoch — RANDOMNESS.md §2.8:
// https://pytorch.org/docs/1.13/data.html#torch.utils.data.RandomSampler
namespace Kindling.Random;

/// <summary>
/// The seed draws of PyTorch's DataLoader and RandomSampler (num_workers = 0, map-style dataset), so a
/// Kindling DataLoader shuffles exactly as PyTorch's does after the same <c>manual_seed</c>.
/// </summary>
internal static class SamplerSeeds
{
    /// <summary><c>int(torch.empty((), dtype=torch.int64).random_().item())</c>: random64() mod 2^63.</summary>
    public static long DrawSeed(Generator generator) => (long)(generator.Random64() % (1UL << 63));

    /// <summary>
    /// One <c>RandomSampler.__iter__</c> without its own generator: draw a seed from
    /// <paramref name="global"/>, seed a private generator with it, and return its <c>randperm(n)</c>.
    /// (1.13 also calls randperm once more on exhaustion; on the private generator that is invisible.)
    /// </summary>
    public static long[] RandomSamplerPermutation(Generator global, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var own = new Generator(unchecked((ulong)DrawSeed(global)));
        return own.RandPerm(n);
    }

    /// <summary>
    /// The sample order of one epoch of <c>DataLoader(dataset of n, shuffle)</c>: creating the iterator
    /// draws the workers' base seed first (even without shuffling), then a shuffling sampler draws its
    /// own seed and permutes. Batches are consecutive slices of this order.
    /// </summary>
    public static long[] DataLoaderEpochOrder(Generator global, int n, bool shuffle)
    {
        DrawSeed(global);   // _BaseDataLoaderIter.__init__: base_seed, consumed but unused with num_workers = 0
        if (shuffle) return RandomSamplerPermutation(global, n);
        var order = new long[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }
}
