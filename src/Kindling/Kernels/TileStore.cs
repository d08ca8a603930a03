using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kindling.Kernels;

/// <summary>How a finished accumulator tile is merged into C: alpha/beta scaling, and on the last k-block the
/// fused bias and epilogue.</summary>
/// <remarks>One k-block of the product at a time is added to C, so the order of operations per element is
/// fixed by k-block boundaries only (never by threads). Per element x = acc:
/// first k-block: x = alpha·acc (beta = 0: C is not read, as BLAS) or fma(beta, C, alpha·acc);
/// later k-blocks: x = fma(alpha, acc, C); last k-block: x += bias[j], then the epilogue.
/// The vector, masked-vector and scalar stores perform the same roundings, so edge tiles agree with full ones.</remarks>
internal unsafe struct TileStore
{
    public float* C;
    public nint Ldc;
    public float Alpha;
    public float Beta;
    public bool First;
    public bool Last;
    public float* Bias;   // length n, or null
    public float* Mask;   // laid out like C (leading dimension Ldc), or null
    public Epilogue Epilogue;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Store512(Vector512<float> acc, nint i, nint j) => Store512(acc, i, j, default, partial: false);

    /// <summary>Stores the first <paramref name="cols"/> (&lt; 16) lanes only; masked loads and stores never touch
    /// memory past the edge of C, bias or mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Store512Partial(Vector512<float> acc, nint i, nint j, int cols) =>
        Store512(acc, i, j, Vector512.LessThan(Vector512<int>.Indices, Vector512.Create(cols)).AsSingle(), partial: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Store512(Vector512<float> acc, nint i, nint j, Vector512<float> lanes, bool partial)
    {
        float* c = C + (i * Ldc) + j;
        Vector512<float> x = acc * Vector512.Create(Alpha);
        if (First)
        {
            if (Beta != 0f)
            {
                x = Avx512F.FusedMultiplyAdd(Vector512.Create(Beta), Load512(c, lanes, partial), x);
            }
        }
        else
        {
            x = Avx512F.FusedMultiplyAdd(Vector512.Create(Alpha), acc, Load512(c, lanes, partial));
        }

        if (Last)
        {
            if (Bias != null)
            {
                x += Load512(Bias + j, lanes, partial);
            }

            if (Epilogue == Epilogue.Relu)
            {
                // maxps returns its second operand when either is NaN: NaN propagates as in torch.relu.
                x = Avx512F.Max(Vector512<float>.Zero, x);
            }
            else if (Epilogue == Epilogue.ReluMask)
            {
                Vector512<float> keep = Vector512.GreaterThan(Load512(Mask + (i * Ldc) + j, lanes, partial), Vector512<float>.Zero);
                x = Vector512.ConditionalSelect(keep, x, Vector512<float>.Zero);
            }
        }

        if (partial)
        {
            Avx512F.MaskStore(c, lanes, x);
        }
        else
        {
            x.Store(c);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Load512(float* p, Vector512<float> lanes, bool partial) =>
        partial ? Avx512F.MaskLoad(p, lanes, Vector512<float>.Zero) : Vector512.Load(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Store256(Vector256<float> acc, nint i, nint j) => Store256(acc, i, j, default, partial: false);

    /// <summary>Stores the first <paramref name="cols"/> (&lt; 8) lanes only (vmaskmovps: no access past the edge).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Store256Partial(Vector256<float> acc, nint i, nint j, int cols) =>
        Store256(acc, i, j, Vector256.LessThan(Vector256<int>.Indices, Vector256.Create(cols)).AsSingle(), partial: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Store256(Vector256<float> acc, nint i, nint j, Vector256<float> lanes, bool partial)
    {
        float* c = C + (i * Ldc) + j;
        Vector256<float> x = acc * Vector256.Create(Alpha);
        if (First)
        {
            if (Beta != 0f)
            {
                x = Fma.MultiplyAdd(Vector256.Create(Beta), Load256(c, lanes, partial), x);
            }
        }
        else
        {
            x = Fma.MultiplyAdd(Vector256.Create(Alpha), acc, Load256(c, lanes, partial));
        }

        if (Last)
        {
            if (Bias != null)
            {
                x += Load256(Bias + j, lanes, partial);
            }

            if (Epilogue == Epilogue.Relu)
            {
                x = Avx.Max(Vector256<float>.Zero, x);
            }
            else if (Epilogue == Epilogue.ReluMask)
            {
                Vector256<float> keep = Vector256.GreaterThan(Load256(Mask + (i * Ldc) + j, lanes, partial), Vector256<float>.Zero);
                x = Vector256.ConditionalSelect(keep, x, Vector256<float>.Zero);
            }
        }

        if (partial)
        {
            // vmaskmovps stores are slow on AMD cores (microcoded); AVX-512VL's k-masked store is not.
            if (Avx512F.VL.IsSupported)
            {
                Avx512F.VL.MaskStore(c, lanes, x);
            }
            else
            {
                Avx.MaskStore(c, lanes, x);
            }
        }
        else
        {
            x.Store(c);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load256(float* p, Vector256<float> lanes, bool partial) =>
        !partial ? Vector256.Load(p) : Avx512F.VL.IsSupported ? Avx512F.VL.MaskLoad(p, lanes, Vector256<float>.Zero) : Avx.MaskLoad(p, lanes);

    /// <summary>Stores the valid rows × cols of a spilled AVX-512 tile (ld = row width) with full and masked
    /// vector stores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void StoreEdge512(float* tile, int width, int rows, int cols, nint i0, nint j0)
    {
        for (int r = 0; r < rows; r++)
        {
            for (int v = 0; v < cols; v += 16)
            {
                Vector512<float> x = Vector512.Load(tile + (r * width) + v);
                if (cols - v >= 16)
                {
                    Store512(x, i0 + r, j0 + v);
                }
                else
                {
                    Store512Partial(x, i0 + r, j0 + v, cols - v);
                }
            }
        }
    }

    /// <summary>Stores the valid rows × cols of a spilled AVX2 tile with full and masked vector stores.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void StoreEdge256(float* tile, int width, int rows, int cols, nint i0, nint j0)
    {
        for (int r = 0; r < rows; r++)
        {
            for (int v = 0; v < cols; v += 8)
            {
                Vector256<float> x = Vector256.Load(tile + (r * width) + v);
                if (cols - v >= 8)
                {
                    Store256(x, i0 + r, j0 + v);
                }
                else
                {
                    Store256Partial(x, i0 + r, j0 + v, cols - v);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void StoreVector(Vector<float> acc, nint i, nint j)
    {
        float* c = C + (i * Ldc) + j;
        Vector<float> x = acc * Alpha;
        if (First)
        {
            if (Beta != 0f)
            {
                x = Vector.FusedMultiplyAdd(new Vector<float>(Beta), Vector.Load(c), x);
            }
        }
        else
        {
            x = Vector.FusedMultiplyAdd(new Vector<float>(Alpha), acc, Vector.Load(c));
        }

        if (Last)
        {
            if (Bias != null)
            {
                x += Vector.Load(Bias + j);
            }

            if (Epilogue == Epilogue.Relu)
            {
                // x < 0 ? 0 : x, the same choice as maxps(0, x) for NaN and -0.
                x = Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero), Vector<float>.Zero, x);
            }
            else if (Epilogue == Epilogue.ReluMask)
            {
                Vector<int> keep = Vector.GreaterThan(Vector.Load(Mask + (i * Ldc) + j), Vector<float>.Zero);
                x = Vector.ConditionalSelect(keep, x, Vector<float>.Zero);
            }
        }

        x.Store(c);
    }

    /// <summary>Scalar store of the valid rows × cols corner of a spilled tile (edge tiles).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public readonly void StorePartial(float* tile, int tileLd, int rows, int cols, nint i0, nint j0)
    {
        for (int r = 0; r < rows; r++)
        {
            float* c = C + ((i0 + r) * Ldc) + j0;
            for (int j = 0; j < cols; j++)
            {
                float acc = tile[(r * tileLd) + j];
                float x = acc * Alpha;
                if (First)
                {
                    if (Beta != 0f)
                    {
                        x = MathF.FusedMultiplyAdd(Beta, c[j], x);
                    }
                }
                else
                {
                    x = MathF.FusedMultiplyAdd(Alpha, acc, c[j]);
                }

                if (Last)
                {
                    if (Bias != null)
                    {
                        x += Bias[j0 + j];
                    }

                    if (Epilogue == Epilogue.Relu)
                    {
                        x = x < 0f ? 0f : x;
                    }
                    else if (Epilogue == Epilogue.ReluMask)
                    {
                        x = Mask[((i0 + r) * Ldc) + j0 + j] > 0f ? x : 0f;
                    }
                }

                c[j] = x;
            }
        }
    }
}
