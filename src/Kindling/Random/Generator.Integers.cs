// https://pytorch.org/docs/1.13/generated/torch.randint.html, torch.randperm.html,
// torch.Tensor.random_.html — RANDOMNESS.md §2.5.
namespace Kindling.Random;

public sealed partial class Generator
{
    /// <summary>Fills <paramref name="dst"/> like <c>randint(low, high)</c> / <c>random_(low, high)</c> (int64).</summary>
    /// <remarks>v = random64() when high − low ≥ 2^32, else random(); out = v mod (high − low) + low,
    /// a plain (slightly biased) modulo exactly as PyTorch.</remarks>
    public void RandInt(Span<long> dst, long low, long high)
    {
        if (low >= high)
            throw new ArgumentOutOfRangeException(nameof(high), $"randint expects low < high, but got low={low} and high={high}.");
        ulong range = unchecked((ulong)high - (ulong)low);
        bool wide = range >= (1UL << 32);
        for (int i = 0; i < dst.Length; i++)
        {
            ulong v = wide ? Random64() : Random();
            dst[i] = unchecked(low + (long)(v % range));
        }
    }

    /// <summary>Fills <paramref name="dst"/> with a permutation of 0..n−1 like <c>randperm(n)</c>, n = dst.Length.</summary>
    /// <remarks>PyTorch 1.13 uses a forward Fisher–Yates with one 32-bit draw per step for every n
    /// (n − 1 draws); later releases switch algorithm for n ≥ 214 748 364, 1.13 does not.</remarks>
    public void RandPerm(Span<long> dst)
    {
        int n = dst.Length;
        for (int i = 0; i < n; i++) dst[i] = i;
        Span<uint> words = stackalloc uint[Chunk];
        for (int start = 0; start < n - 1; start += Chunk)
        {
            var w = words[..Math.Min(Chunk, n - 1 - start)];   // the draws do not depend on the swaps
            FillWords(w);
            for (int j = 0; j < w.Length; j++)
            {
                int i = start + j;
                int z = (int)(w[j] % (uint)(n - i));
                (dst[i], dst[i + z]) = (dst[i + z], dst[i]);
            }
        }
    }

    /// <summary><c>randperm(n)</c> as a new array.</summary>
    public long[] RandPerm(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var perm = new long[n];
        RandPerm(perm);
        return perm;
    }

    /// <summary><c>random_()</c> on int64: random64() mod 2^63.</summary>
    public void Random_(Span<long> dst)
    {
        for (int i = 0; i < dst.Length; i++) dst[i] = (long)(Random64() % (1UL << 63));
    }

    /// <summary><c>random_()</c> on float32: random() mod (2^24 + 1), every integer float32 represents exactly.</summary>
    public void Random_(Span<float> dst)
    {
        for (int i = 0; i < dst.Length; i++) dst[i] = Random() % ((1u << 24) + 1);
    }

    /// <summary><c>random_()</c> on float64: random64() mod (2^53 + 1).</summary>
    public void Random_(Span<double> dst)
    {
        for (int i = 0; i < dst.Length; i++) dst[i] = Random64() % ((1UL << 53) + 1);
    }

    /// <summary><c>random_()</c> on bool: the lowest bit of random().</summary>
    public void Random_(Span<bool> dst)
    {
        for (int i = 0; i < dst.Length; i++) dst[i] = (Random() & 1) != 0;
    }
}
