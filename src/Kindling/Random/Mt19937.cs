// The 32-bit Mersenne Twister (Matsumoto & Nishimura, 1998) that both torch's CPU generator
// and NumPy's legacy RandomState wrap; see RANDOMNESS.md §1.
namespace Kindling.Random;

/// <summary>MT19937 engine: 624 words of state and a read index into the current block.</summary>
internal sealed class Mt19937
{
    internal const int N = 624;
    const int M = 397;
    const uint MatrixA = 0x9908B0DF;

    readonly uint[] _mt = new uint[N];
    int _index = N;   // N means "regenerate before the next output"

    public Mt19937(uint seed) => Seed(seed);

    /// <summary>The classic <c>init_genrand</c>: mt[i] = 1812433253·(mt[i−1] ⊕ mt[i−1]≫30) + i.</summary>
    public void Seed(uint seed)
    {
        _mt[0] = seed;
        for (int i = 1; i < N; i++)
            _mt[i] = unchecked(1812433253u * (_mt[i - 1] ^ (_mt[i - 1] >> 30)) + (uint)i);
        _index = N;
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
        _index = N;
    }

    /// <summary>Next tempered 32-bit word.</summary>
    public uint Next()
    {
        if (_index >= N) Twist();
        uint y = _mt[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680u;
        y ^= (y << 15) & 0xEFC60000u;
        y ^= y >> 18;
        return y;
    }

    void Twist()
    {
        for (int i = 0; i < N; i++)
        {
            uint y = (_mt[i] & 0x80000000u) | (_mt[(i + 1) % N] & 0x7FFFFFFFu);
            _mt[i] = _mt[(i + M) % N] ^ (y >> 1) ^ ((y & 1) != 0 ? MatrixA : 0u);
        }
        _index = 0;
    }

    /// <summary>Serialised size in bytes: 624 state words and the index.</summary>
    internal const int StateBytes = N * 4 + 4;

    internal void WriteState(Span<byte> dst)
    {
        for (int i = 0; i < N; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(dst[(4 * i)..], _mt[i]);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(dst[(4 * N)..], _index);
    }

    internal void ReadState(ReadOnlySpan<byte> src)
    {
        int index = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(src[(4 * N)..]);
        if (index is < 0 or > N)
            throw new ArgumentException($"Invalid generator state: MT19937 index {index} is outside [0, {N}].", "state");
        for (int i = 0; i < N; i++)
            _mt[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(src[(4 * i)..]);
        _index = index;
    }
}
