// https://numpy.org/doc/1.24/reference/random/legacy.html — NumPy's legacy RandomState, the generator
// scikit-learn's random_state drives. Algorithms per RANDOMNESS.md §3 (verified against NumPy 1.24).
namespace Kindling.Random;

/// <summary>
/// NumPy's legacy <c>numpy.random.RandomState</c> (MT19937): the same seed gives the same
/// <c>random_sample</c>, <c>randint</c>, <c>shuffle</c> and <c>permutation</c> as NumPy 1.24.
/// Not thread-safe.
/// </summary>
public sealed class RandomState
{
    readonly Mt19937 _mt = new(0);

    /// <summary>Seeds like <c>RandomState(seed)</c> with an integer in [0, 2^32).</summary>
    public RandomState(uint seed) => Seed(seed);

    /// <summary>Seeds like <c>RandomState([k0, k1, ...])</c> (NumPy's <c>init_by_array</c>).</summary>
    public RandomState(params uint[] key) => Seed(key);

    /// <summary>Seeds from OS entropy, as <c>RandomState()</c> / <c>RandomState(None)</c>.</summary>
    public RandomState() => Seed(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4 * Mt19937.N)
        .Chunk(4).Select(b => BitConverter.ToUInt32(b)).ToArray());

    /// <summary>NumPy's module-level instance (<c>np.random.seed</c> / <c>random_state=None</c> in scikit-learn).</summary>
    public static RandomState Global { get; } = new();

    /// <summary>Reseeds with an integer: the classic <c>init_genrand</c>.</summary>
    public void Seed(uint seed) => _mt.Seed(seed);

    /// <summary>Reseeds with an array of 32-bit words: <c>init_by_array</c>.</summary>
    public void Seed(params uint[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0) throw new ArgumentException("Seed must be non-empty.", nameof(key));
        _mt.SeedByArray(key);
    }

    internal uint Next32() => _mt.Next();

    internal ulong Next64()
    {
        ulong hi = _mt.Next();
        return (hi << 32) | _mt.Next();
    }

    /// <summary>A double in [0, 1) with 53 bits from two words: ((w1≫5)·2^26 + (w2≫6)) / 2^53.</summary>
    public double RandomSample()
    {
        uint a = _mt.Next() >> 5, b = _mt.Next() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary><c>random_sample(size)</c>.</summary>
    public double[] RandomSample(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var result = new double[size];
        for (int i = 0; i < size; i++) result[i] = RandomSample();
        return result;
    }

    /// <summary>One integer in [low, high) like <c>randint(low, high)</c> (int64 dtype).</summary>
    public long RandInt(long low, long high)
    {
        CheckBounds(low, high);
        return Bounded(low, unchecked((ulong)(high - 1) - (ulong)low));
    }

    /// <summary><c>randint(low, high, size)</c> (int64 dtype).</summary>
    public long[] RandInt(long low, long high, int size)
    {
        CheckBounds(low, high);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ulong range = unchecked((ulong)(high - 1) - (ulong)low);
        var result = new long[size];
        for (int i = 0; i < size; i++) result[i] = Bounded(low, range);
        return result;
    }

    /// <summary>Shuffles in place like <c>shuffle(x)</c>: Fisher–Yates from the end, j = interval(i).</summary>
    public void Shuffle<T>(Span<T> x)
    {
        for (int i = x.Length - 1; i > 0; i--)
        {
            int j = (int)Interval((uint)i);
            (x[i], x[j]) = (x[j], x[i]);
        }
    }

    /// <summary><c>permutation(n)</c>: a shuffled <c>arange(n)</c> (int64, as NumPy).</summary>
    public long[] Permutation(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var result = new long[n];
        for (int i = 0; i < n; i++) result[i] = i;
        Shuffle<long>(result);
        return result;
    }

    /// <summary><c>permutation(array)</c>: a shuffled copy.</summary>
    public T[] Permutation<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var result = items.ToArray();
        Shuffle<T>(result);
        return result;
    }

    /// <summary>Uniform integer in [0, max] by masked rejection, one 32-bit word per try (legacy <c>random_interval</c>).</summary>
    internal uint Interval(uint max)
    {
        if (max == 0) return 0;
        uint mask = SmallestMask(max);
        uint v;
        do v = _mt.Next() & mask; while (v > max);
        return v;
    }

    /// <summary>off + uniform [0, range] (inclusive) with NumPy's legacy masked rejection.</summary>
    long Bounded(long off, ulong range)
    {
        if (range == 0) return off;   // no draw, as NumPy
        if (range <= uint.MaxValue)
        {
            if (range == uint.MaxValue) return unchecked(off + _mt.Next());
            return unchecked(off + Interval((uint)range));
        }
        ulong mask = SmallestMask(range);
        ulong v;
        do v = Next64() & mask; while (v > range);
        return unchecked(off + (long)v);
    }

    static uint SmallestMask(uint v) => (uint)SmallestMask((ulong)v);

    static ulong SmallestMask(ulong v)
    {
        v |= v >> 1; v |= v >> 2; v |= v >> 4; v |= v >> 8; v |= v >> 16; v |= v >> 32;
        return v;
    }

    static void CheckBounds(long low, long high)
    {
        if (low >= high)
            throw new ArgumentOutOfRangeException(nameof(high), $"randint: low >= high (low={low}, high={high}).");
    }
}
