using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Kindling;

/// <summary>Softmax and log-softmax along one dimension of a contiguous (outer, n, inner) tensor, max-subtracted for
/// stability (https://pytorch.org/docs/stable/generated/torch.nn.functional.log_softmax.html).</summary>
internal static class SoftmaxKernels
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward<T>(ReadOnlySpan<T> src, Span<T> dst, int outer, int n, int inner, bool log)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (inner == 1)
        {
            for (int o = 0; o < outer; o++) Row(src.Slice(o * n, n), dst.Slice(o * n, n), log);
            return;
        }
        for (int o = 0; o < outer; o++)
        {
            for (int i = 0; i < inner; i++)
            {
                int b = o * n * inner + i;
                T max = T.NegativeInfinity;
                for (int k = 0; k < n; k++) max = T.Max(max, src[b + k * inner]);
                T sum = T.Zero;
                for (int k = 0; k < n; k++) sum += T.Exp(src[b + k * inner] - max);
                T logSum = T.Log(sum);
                for (int k = 0; k < n; k++)
                {
                    T shifted = src[b + k * inner] - max;
                    dst[b + k * inner] = log ? shifted - logSum : T.Exp(shifted) / sum;
                }
            }
        }
    }

    // One contiguous row: y = x − max, then exp and normalise (or subtract log Σ exp).
    private static void Row<T>(ReadOnlySpan<T> x, Span<T> y, bool log)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length == 0) return;
        T max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, y);
        if (log)
        {
            // Σ exp(x − max) needs a scratch row: the destination keeps x − max for the final subtraction.
            T[]? rented = null;
            Span<T> scratch = x.Length * Unsafe.SizeOf<T>() <= 4096
                ? stackalloc T[x.Length]
                : (rented = ArrayPool<T>.Shared.Rent(x.Length)).AsSpan(0, x.Length);
            TensorPrimitives.Exp(y, scratch);
            T sum = TensorPrimitives.Sum<T>(scratch);
            if (rented is not null) ArrayPool<T>.Shared.Return(rented);
            TensorPrimitives.Subtract(y, T.Log(sum), y);
        }
        else
        {
            TensorPrimitives.Exp(y, y);
            TensorPrimitives.Divide(y, TensorPrimitives.Sum<T>(y), y);
        }
    }
}

/// <summary>ReLU's gradient: g where the output is positive, else 0 (PyTorch's threshold_backward).</summary>
internal readonly struct ReluGradOp<T> : IBinaryOp<ReluGradOp<T>, T, T>
    where T : INumber<T>
{
    public static T Invoke(T g, T y) => y > T.Zero ? g : T.Zero;
}
