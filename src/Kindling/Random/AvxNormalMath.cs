// Scalar model of one lane of the AVX2 log/sincos (Cephes-style "avx_mathfun") that PyTorch 1.13's
// vectorised normal_ fill uses, with exactly the multiply-add fusions GCC emits under -mfma.
// Spec: RANDOMNESS.md §2.4c (verified exhaustively over all 2^24 inputs). MathF.Log/Sin/Cos would
// not reproduce these bits, so every step is written out in binary32 with explicit FMAs.
namespace Kindling.Random;

internal static partial class AvxNormalMath
{
    static float F(uint bits) => BitConverter.UInt32BitsToSingle(bits);

    static readonly float SqrtHalf = F(0x3F3504F3);
    static readonly float Q1 = F(0xB95E8083), Q2 = F(0x3F318000), FourOverPi = F(0x3FA2F983);
    static readonly float P0 = F(0x3D9021BB), P1 = F(0xBDEBD1B8), P2 = F(0x3DEF251A), P3 = F(0xBDFE5D4F);
    static readonly float P4 = F(0x3E11E9BF), P5 = F(0xBE2AAE50), P6 = F(0x3E4CCEAC), P7 = F(0xBE7FFFFC);
    static readonly float P8 = F(0x3EAAAAAA);
    static readonly float MinusDp1 = F(0xBF490000), MinusDp2 = F(0xB97DA000), MinusDp3 = F(0xB3222169);
    static readonly float S0 = F(0xB94CA1F9), S1 = F(0x3C08839E), S2 = F(0xBE2AAAA3);
    static readonly float C0 = F(0x37CCF5CE), C1 = F(0xBAB6061A), C2 = F(0x3D2AAAA5);
    static readonly float MinNormal = F(0x00800000);

    /// <summary>f32(2π) as <c>_mm256_set1_ps(2.0f * pi)</c> (0x40C90FDB).</summary>
    internal static readonly float TwoPi = F(0x40C90FDB);

    static float Fma(float a, float b, float c) => MathF.FusedMultiplyAdd(a, b, c);

    /// <summary>Natural log of x in [2^-24, 1] as the AVX2 kernel computes it.</summary>
    internal static float Log(float x)
    {
        if (x < MinNormal) x = MinNormal;
        uint b = BitConverter.SingleToUInt32Bits(x);
        float e = (float)((int)(b >> 23) - 127) + 1f;
        float m = F((b & 0x807FFFFFu) | 0x3F000000u);   // mantissa in [0.5, 1)
        float t;
        if (m < SqrtHalf)
        {
            e -= 1f;
            t = (m - 1f) + m;
        }
        else
        {
            t = m - 1f;
        }
        float z = t * t;
        float y = P0;
        y = Fma(y, t, P1); y = Fma(y, t, P2); y = Fma(y, t, P3); y = Fma(y, t, P4);
        y = Fma(y, t, P5); y = Fma(y, t, P6); y = Fma(y, t, P7); y = Fma(y, t, P8);
        y *= t;
        y = Fma(y, z, e * Q1);          // y·z fused, e·Q1 rounded first
        y -= z * 0.5f;
        return (t + y) + e * Q2;
    }

    /// <summary>(sin x, cos x) as the AVX2 kernel computes them.</summary>
    internal static (float Sin, float Cos) SinCos(float x)
    {
        bool signSin = float.IsNegative(x);
        float ax = MathF.Abs(x);
        int j = (int)(ax * FourOverPi);
        j = (j + 1) & ~1;
        float yj = j;
        signSin ^= (j & 4) != 0;
        bool polySelect = (j & 2) == 0;
        bool signCos = (~(j - 2) & 4) != 0;

        // Extended-precision range reduction: x − j·π/4 in three parts.
        float xr = Fma(yj, MinusDp1, ax);
        xr = Fma(yj, MinusDp2, xr);
        xr = Fma(yj, MinusDp3, xr);
        float z = xr * xr;

        float yc = Fma(C0, z, C1);
        yc = Fma(yc, z, C2);
        yc *= z;
        yc = Fma(yc, z, -(z * 0.5f));
        yc += 1f;

        float ys = Fma(S0, z, S1);
        ys = Fma(ys, z, S2);
        ys *= z;
        ys = Fma(ys, xr, xr);

        float s = polySelect ? ys : yc;
        float c = polySelect ? yc : ys;
        if (signSin) s = -s;
        if (signCos) c = -c;
        return (s, c);
    }

    /// <summary>Box–Muller on one block of 16 uniforms: pairs (j, j+8) become two normals.</summary>
    internal static void Block16(Span<float> d, float mean, float std)
    {
        if (VectorSupported)
        {
            Block16Vector(d, mean, std);
            return;
        }
        Block16Scalar(d, mean, std);
    }

    /// <summary>The lane-by-lane model of the kernel (RANDOMNESS.md §2.4c), used where AVX2/FMA are absent.</summary>
    internal static void Block16Scalar(Span<float> d, float mean, float std)
    {
        for (int j = 0; j < 8; j++)
        {
            float u1 = 1f - d[j];
            float u2 = d[j + 8];
            float radius = MathF.Sqrt(-2f * Log(u1));
            float theta = TwoPi * u2;
            var (s, c) = SinCos(theta);
            d[j] = Fma(radius * c, std, mean);
            d[j + 8] = Fma(radius * s, std, mean);
        }
    }
}
