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

    const int StateVersion = 1;
    const int StateLength = 4 + 8 + Mt19937.StateBytes + 1 + 8;

    /// <summary>Serialises the whole state (seed, engine, Box–Muller cache) for <see cref="SetState"/>.</summary>
    /// <remarks>Kindling's own byte layout; it does not load into PyTorch's <c>set_rng_state</c>.</remarks>
    public byte[] GetState()
    {
        var state = new byte[StateLength];
        var s = state.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(s, StateVersion);
        BinaryPrimitives.WriteUInt64LittleEndian(s[4..], InitialSeed);
        _engine.WriteState(s.Slice(12, Mt19937.StateBytes));
        s[12 + Mt19937.StateBytes] = _hasNormalCache ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteDoubleLittleEndian(s[(13 + Mt19937.StateBytes)..], _normalCache);
        return state;
    }

    /// <summary>Restores a state produced by <see cref="GetState"/>; the streams then continue identically.</summary>
    public void SetState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Length != StateLength)
            throw new ArgumentException($"Invalid generator state: expected {StateLength} bytes from Generator.GetState(), got {state.Length}.", nameof(state));
        var s = state.AsSpan();
        int version = BinaryPrimitives.ReadInt32LittleEndian(s);
        if (version != StateVersion)
            throw new ArgumentException($"Invalid generator state: unknown version {version} (expected {StateVersion}).", nameof(state));
        byte cacheFlag = s[12 + Mt19937.StateBytes];
        if (cacheFlag > 1)
            throw new ArgumentException($"Invalid generator state: normal-cache flag {cacheFlag} is not 0 or 1.", nameof(state));
        _engine.ReadState(s.Slice(12, Mt19937.StateBytes));
        InitialSeed = BinaryPrimitives.ReadUInt64LittleEndian(s[4..]);
        _hasNormalCache = cacheFlag == 1;
        _normalCache = BinaryPrimitives.ReadDoubleLittleEndian(s[(13 + Mt19937.StateBytes)..]);
    }
}
