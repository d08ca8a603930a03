// The same AVX2 log/sincos as AvxNormalMath, eight lanes at once: op for op the scalar model (each
// Fma.MultiplyAdd is one rounding, as MathF.FusedMultiplyAdd), so the bits are identical; it is what
// PyTorch's kernel itself computes, just faster than the scalar emulation.
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using V = System.Runtime.Intrinsics.Vector256<float>;

namespace Kindling.Random;

internal static partial class AvxNormalMath
{
    /// <summary>True where the eight-lane kernel can run (AVX2 and FMA).</summary>
    internal static bool VectorSupported => Avx2.IsSupported && System.Runtime.Intrinsics.X86.Fma.IsSupported;

    static V S(float v) => Vector256.Create(v);

    static V VFma(V a, V b, V c) => System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a, b, c);

    static V VLog(V x)
    {
        x = Avx.Max(x, S(MinNormal));
        var b = x.AsUInt32();
        var e = Avx.ConvertToVector256Single((b >> 23).AsInt32() - Vector256.Create(127)) + S(1f);
        var m = ((b & Vector256.Create(0x807FFFFFu)) | Vector256.Create(0x3F000000u)).AsSingle();
        var small = Avx.CompareLessThan(m, S(SqrtHalf));
        e -= small & S(1f);
        var t = Avx.BlendVariable(m - S(1f), (m - S(1f)) + m, small);
        var z = t * t;
        var y = S(P0);
        y = VFma(y, t, S(P1)); y = VFma(y, t, S(P2)); y = VFma(y, t, S(P3)); y = VFma(y, t, S(P4));
        y = VFma(y, t, S(P5)); y = VFma(y, t, S(P6)); y = VFma(y, t, S(P7)); y = VFma(y, t, S(P8));
        y *= t;
        y = VFma(y, z, e * S(Q1));
        y -= z * S(0.5f);
        return (t + y) + e * S(Q2);
    }

    static (V Sin, V Cos) VSinCos(V x)
    {
        var signBit = Vector256.Create(0x80000000u);
        var signSin = x.AsUInt32() & signBit;
        var ax = (x.AsUInt32() & ~signBit).AsSingle();
        var j = Avx.ConvertToVector256Int32WithTruncation(ax * S(FourOverPi));
        j = (j + Vector256.Create(1)) & Vector256.Create(~1);
        var yj = Avx.ConvertToVector256Single(j);
        signSin ^= ((j & Vector256.Create(4)) << 29).AsUInt32();
        var polySelect = Vector256.Equals(j & Vector256.Create(2), Vector256<int>.Zero).AsSingle();
        var signCos = ((~(j - Vector256.Create(2)) & Vector256.Create(4)) << 29).AsUInt32();

        var xr = VFma(yj, S(MinusDp1), ax);
        xr = VFma(yj, S(MinusDp2), xr);
        xr = VFma(yj, S(MinusDp3), xr);
        var z = xr * xr;

        var yc = VFma(S(C0), z, S(C1));
        yc = VFma(yc, z, S(C2));
        yc *= z;
        yc = VFma(yc, z, -(z * S(0.5f)));
        yc += S(1f);

        var ys = VFma(S(S0), z, S(S1));
        ys = VFma(ys, z, S(S2));
        ys *= z;
        ys = VFma(ys, xr, xr);

        var s = Avx.BlendVariable(yc, ys, polySelect);
        var c = Avx.BlendVariable(ys, yc, polySelect);
        return ((s.AsUInt32() ^ signSin).AsSingle(), (c.AsUInt32() ^ signCos).AsSingle());
    }

    /// <summary><see cref="Block16"/> with lanes j = 0..7 in one vector each for u1 and u2.</summary>
    internal static void Block16Vector(Span<float> d, float mean, float std)
    {
        var u1 = S(1f) - Vector256.Create<float>(d[..8]);
        var u2 = Vector256.Create<float>(d.Slice(8, 8));
        var radius = Avx.Sqrt(S(-2f) * VLog(u1));
        var theta = S(TwoPi) * u2;
        var (s, c) = VSinCos(theta);
        VFma(radius * c, S(std), S(mean)).CopyTo(d[..8]);
        VFma(radius * s, S(std), S(mean)).CopyTo(d.Slice(8, 8));
    }
}
