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
/// The vector and scalar stores perform the same roundings, so edge tiles agree with full ones.</remarks>
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
    public readonly void Store512(Vector512<float> acc, nint i, nint j)
    {
        float* c = C + (i * Ldc) + j;
        Vector512<float> x = acc * Vector512.Create(Alpha);
        if (First)
        {
            if (Beta != 0f)
            {
                x = Avx512F.FusedMultiplyAdd(Vector512.Create(Beta), Vector512.Load(c), x);
            }
        }
        else
        {
            x = Avx512F.FusedMultiplyAdd(Vector512.Create(Alpha), acc, Vector512.Load(c));
        }

        if (Last)
        {
            if (Bias != null)
            {
                x += Vector512.Load(Bias + j);
            }

            if (Epilogue == Epilogue.Relu)
            {
                // maxps returns its second operand when either is NaN: NaN propagates as in torch.relu.
                x = Avx512F.Max(Vector512<float>.Zero, x);
            }
            else if (Epilogue == Epilogue.ReluMask)
            {
                Vector512<float> keep = Vector512.GreaterThan(Vector512.Load(Mask + (i * Ldc) + j), Vector512<float>.Zero);
                x = Vector512.ConditionalSelect(keep, x, Vector512<float>.Zero);
            }
        }

        x.Store(c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void Store256(Vector256<float> acc, nint i, nint j)
    {
        float* c = C + (i * Ldc) + j;
        Vector256<float> x = acc * Vector256.Create(Alpha);
        if (First)
        {
            if (Beta != 0f)
            {
                x = Fma.MultiplyAdd(Vector256.Create(Beta), Vector256.Load(c), x);
            }
        }
        else
        {
            x = Fma.MultiplyAdd(Vector256.Create(Alpha), acc, Vector256.Load(c));
        }

        if (Last)
        {
            if (Bias != null)
            {
                x += Vector256.Load(Bias + j);
            }

            if (Epilogue == Epilogue.Relu)
            {
                x = Avx.Max(Vector256<float>.Zero, x);
            }
            else if (Epilogue == Epilogue.ReluMask)
            {
                Vector256<float> keep = Vector256.GreaterThan(Vector256.Load(Mask + (i * Ldc) + j), Vector256<float>.Zero);
                x = Vector256.ConditionalSelect(keep, x, Vector256<float>.Zero);
            }
        }

        x.Store(c);
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
