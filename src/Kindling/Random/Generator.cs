// https://pytorch.org/docs/1.13/generated/torch.Generator.html — the CPU generator behind
// torch.manual_seed: an MT19937 engine plus PyTorch 1.13's exact transforms (RANDOMNESS.md §2).
using System.Buffers.Binary;

namespace Kindling.Random;

/// <summary>
/// PyTorch's CPU random generator: same seed, same bits as <c>torch.Generator</c> in PyTorch 1.13
/// (AVX2/AVX-512 build, no MKL). Fills run in element order, one draw per element, as PyTorch's
/// CPU kernels do for contiguous tensors. Not thread-safe: share one generator per thread.
/// </summary>
public sealed partial class Generator
{
    /// <summary>The seed of a fresh <c>torch.Generator()</c> (PyTorch's <c>default_rng_seed_val</c>).</summary>
    public const ulong DefaultSeed = 67280421310721UL;

    const ulong Mask53 = (1UL << 53) - 1;
    const double TwoPow53Inv = 1.0 / 9007199254740992.0;     // 2^-53
    const float TwoPow24Inv = 1f / 16777216f;                 // 2^-24

    readonly Mt19937 _engine;
    bool _hasNormalCache;
    double _normalCache;   // the unscaled r·sin θ of the last scalar Box–Muller pair (§2.4a)

    /// <summary>Creates a generator seeded like <c>torch.Generator().manual_seed(seed)</c>.</summary>
    public Generator(ulong seed = DefaultSeed)
    {
        _engine = new Mt19937(unchecked((uint)seed));
        InitialSeed = seed;
    }

    /// <summary>The 64-bit seed last given to <see cref="ManualSeed"/> (or the constructor).</summary>
    public ulong InitialSeed { get; private set; }

    /// <summary>Reseeds as <c>manual_seed</c>: the engine takes the low 32 bits; the Box–Muller cache is cleared.</summary>
    public void ManualSeed(ulong seed)
    {
        _engine.Seed(unchecked((uint)seed));
        InitialSeed = seed;
        _hasNormalCache = false;
        _normalCache = 0;
    }

    /// <summary>The next 32-bit word of the stream (<c>random()</c> in ATen).</summary>
    public uint Random() => _engine.Next();

    /// <summary>Two words, the first drawn as the high half (<c>random64()</c> in ATen).</summary>
    public ulong Random64()
    {
        ulong hi = _engine.Next();
        ulong lo = _engine.Next();
        return (hi << 32) | lo;
    }

    /// <summary>Uniform [0, 1) double with 53 random bits, as ATen's <c>uniform_real_distribution&lt;double&gt;</c>.</summary>
    internal double NextDouble53() => (Random64() & Mask53) * TwoPow53Inv;

    /// <summary>Uniform [0, 1) float with 24 random bits, as ATen's <c>uniform_real_distribution&lt;float&gt;</c>.</summary>
    internal float NextFloat24() => (Random() & 0xFFFFFF) * TwoPow24Inv;

    /// <summary>Words per bulk draw: enough to amortise the engine call, small enough for the stack.</summary>
    const int Chunk = 512;

    /// <summary>dst[i] = 24-bit uniform in [0, 1), one word each, in order.</summary>
    internal void FillFloat24(Span<float> dst)
    {
        Span<uint> words = stackalloc uint[Chunk];
        for (int start = 0; start < dst.Length; start += Chunk)
        {
            var w = words[..Math.Min(Chunk, dst.Length - start)];
            _engine.Fill(w);
            var d = dst.Slice(start, w.Length);
            for (int j = 0; j < w.Length; j++) d[j] = (w[j] & 0xFFFFFF) * TwoPow24Inv;
        }
    }

    /// <summary>dst[i] = 53-bit uniform in [0, 1) from random64(), two words each, in order.</summary>
    internal void FillDouble53(Span<double> dst)
    {
        Span<uint> words = stackalloc uint[Chunk];
        for (int start = 0; start < dst.Length; start += Chunk / 2)
        {
            int k = Math.Min(Chunk / 2, dst.Length - start);
            var w = words[..(2 * k)];
            _engine.Fill(w);
            var d = dst.Slice(start, k);
            for (int j = 0; j < k; j++) d[j] = ((((ulong)w[2 * j] << 32) | w[2 * j + 1]) & Mask53) * TwoPow53Inv;
        }
    }

    /// <summary>Raw words in bulk (the stream <see cref="Random"/> would give).</summary>
    internal void FillWords(Span<uint> dst) => _engine.Fill(dst);

    // PyTorch 1.13's CPUGeneratorImplState, little-endian (what torch.get_rng_state() returns):
    //   0 u64 the_initial_seed | 8 i32 left | 12 i32 seeded | 16 u64 next | 24 u64 state[624]
    //   5016 f64 normal_x | 5024 f64 normal_y (the cached Box–Muller value) | 5032 f64 normal_rho
    //   5040 i32 normal_is_valid | 5048 f32 next_float_normal_sample | 5052 bool its validity | pad to 5056
    const int StateLength = 5056;
    const int WordsOffset = 24, NormalYOffset = 5024, NormalValidOffset = 5040;

    /// <summary>The whole state (seed, engine, Box–Muller cache) in PyTorch's <c>torch.get_rng_state()</c>
    /// byte layout (5056 bytes), so states move between PyTorch and Kindling.</summary>
    public byte[] GetState()
    {
        var state = new byte[StateLength];
        var s = state.AsSpan();
        Span<uint> words = stackalloc uint[Mt19937.N];
        var (left, next) = _engine.CopyState(words);
        BinaryPrimitives.WriteUInt64LittleEndian(s, InitialSeed);
        BinaryPrimitives.WriteInt32LittleEndian(s[8..], left);
        BinaryPrimitives.WriteInt32LittleEndian(s[12..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(s[16..], (ulong)next);
        for (int i = 0; i < Mt19937.N; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(s[(WordsOffset + 8 * i)..], words[i]);
        if (_hasNormalCache)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(s[NormalYOffset..], _normalCache);
            BinaryPrimitives.WriteInt32LittleEndian(s[NormalValidOffset..], 1);
        }
        return state;
    }

    /// <summary>Restores a state from <see cref="GetState"/> or from PyTorch's <c>torch.get_rng_state()</c>;
    /// the streams then continue identically.</summary>
    public void SetState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Length != StateLength)
            throw new ArgumentException($"Invalid generator state: expected {StateLength} bytes (torch.get_rng_state() layout), got {state.Length}.", nameof(state));
        var s = state.AsSpan();
        Span<uint> words = stackalloc uint[Mt19937.N];
        for (int i = 0; i < Mt19937.N; i++)
        {
            ulong w = BinaryPrimitives.ReadUInt64LittleEndian(s[(WordsOffset + 8 * i)..]);
            if (w > uint.MaxValue)
                throw new ArgumentException($"Invalid generator state: MT19937 word {i} = {w} does not fit in 32 bits.", nameof(state));
            words[i] = (uint)w;
        }
        ulong next = BinaryPrimitives.ReadUInt64LittleEndian(s[16..]);
        int left = BinaryPrimitives.ReadInt32LittleEndian(s[8..]);
        _engine.RestoreState(words, left, (int)Math.Min(next, int.MaxValue));
        InitialSeed = BinaryPrimitives.ReadUInt64LittleEndian(s);
        _hasNormalCache = BinaryPrimitives.ReadInt32LittleEndian(s[NormalValidOffset..]) != 0;
        _normalCache = _hasNormalCache ? BinaryPrimitives.ReadDoubleLittleEndian(s[NormalYOffset..]) : 0;
    }
}
