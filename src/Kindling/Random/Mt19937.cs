// The 32-bit Mersenne Twister (Matsumoto & Nishimura, 1998) that both torch's CPU generator
// and NumPy's legacy RandomState wrap; see RANDOMNESS.md §1. The (left, next) bookkeeping mirrors
// ATen's at::mt19937 so Generator.GetState can write PyTorch's own get_rng_state layout.
namespace Kindling.Random;

/// <summary>MT19937 engine: 624 untempered state words, a countdown to the next twist and a read index.</summary>
internal sealed class Mt19937
{
    internal const int N = 624;
    const int M = 397;
    const uint MatrixA = 0x9908B0DF;

    readonly uint[] _mt = new uint[N];
    int _left = 1;   // outputs until the next twist, plus one (ATen's left_)
    int _next;       // index of the next word to temper (ATen's next_)

    public Mt19937(uint seed) => Seed(seed);

    /// <summary>The classic <c>init_genrand</c>: mt[i] = 1812433253·(mt[i−1] ⊕ mt[i−1]≫30) + i.</summary>
    public void Seed(uint seed)
    {
        _mt[0] = seed;
        for (int i = 1; i < N; i++)
            _mt[i] = unchecked(1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i);
        _left = 1;
        _next = 0;
    }

    /// <summary>The reference <c>init_by_array</c> that NumPy uses for array seeds.</summary>
    public void SeedByArray(ReadOnlySpan<uint> key)
    {
        Seed(19650218u);
        int i = 1, j = 0;
        for (int k = Math.Max(N, key.Length); k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j);
            i++;
            j++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
            if (j >= key.Length) j = 0;
        }
        for (int k = N - 1; k > 0; k--)
        {
            _mt[i] = unchecked((_mt[i] ^ ((_mt[i - 1] ^ (_mt[i - 1] >> 30)) * 1566083941u)) - (uint)i);
            i++;
            if (i >= N) { _mt[0] = _mt[N - 1]; i = 1; }
        }
        _mt[0] = 0x80000000u;
        _left = 1;
        _next = 0;
    }

    /// <summary>Next tempered 32-bit word.</summary>
    public uint Next()
    {
        if (--_left == 0) Twist();
        uint y = _mt[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680u;
        y ^= (y << 15) & 0xEFC60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>Fills <paramref name="dst"/> with the next words: the same stream as repeated <see cref="Next"/>,
    /// tempered a block at a time (5–10× faster for tensor fills).</summary>
    public void Fill(Span<uint> dst)
    {
        int i = 0;
        while (i < dst.Length)
        {
            if (_left == 1)
            {
                Twist();
                _left = N + 1;   // Next() would twist and then read without a further decrement
            }
            int k = Math.Min(_left - 1, dst.Length - i);
            var src = _mt.AsSpan(_next, k);
            var outSpan = dst.Slice(i, k);
            for (int j = 0; j < src.Length; j++)
            {
                uint y = src[j];
                y ^= y >> 11;
                y ^= (y << 7) & 0x9D2C5680u;
                y ^= (y << 15) & 0xEFC60000u;
                y ^= y >> 18;
                outSpan[j] = y;
            }
            _next += k;
            _left -= k;
            i += k;
        }
    }

    void Twist()
    {
        var mt = _mt.AsSpan();
        int i = 0;
        for (; i < N - M; i++)
            mt[i] = mt[i + M] ^ Mix(mt[i], mt[i + 1]);
        for (; i < N - 1; i++)
            mt[i] = mt[i + M - N] ^ Mix(mt[i], mt[i + 1]);
        mt[N - 1] = mt[M - 1] ^ Mix(mt[N - 1], mt[0]);
        _left = N;
        _next = 0;
    }

    /// <summary>(upper bit of a | lower 31 bits of b) ≫ 1, xor MatrixA when its low bit is set.</summary>
    static uint Mix(uint a, uint b)
    {
        uint y = (a & 0x80000000u) | (b & 0x7FFFFFFFu);
        return (y >> 1) ^ ((uint)-(int)(y & 1) & MatrixA);
    }

    /// <summary>The raw state: untempered words, ATen's <c>left_</c> and <c>next_</c>.</summary>
    internal (int Left, int Next) CopyState(Span<uint> words)
    {
        _mt.CopyTo(words);
        return (_left, _next);
    }

    /// <summary>Restores a raw state; <paramref name="left"/> in [1, 624] and <paramref name="next"/> in [0, 624].</summary>
    internal void RestoreState(ReadOnlySpan<uint> words, int left, int next)
    {
        if (words.Length != N) throw new ArgumentException($"MT19937 state needs {N} words, got {words.Length}.", nameof(words));
        if (left is < 1 or > N)
            throw new ArgumentException($"Invalid generator state: MT19937 'left' = {left} is outside [1, {N}].", "state");
        if (next is < 0 or > N || (left > 1 && next + left > N + 1))
            throw new ArgumentException($"Invalid generator state: MT19937 'next' = {next} does not fit 'left' = {left}.", "state");
        words.CopyTo(_mt);
        _left = left;
        _next = next;
    }
}
