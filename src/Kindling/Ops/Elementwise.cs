using System.Runtime.CompilerServices;

namespace Kindling;

/// <summary>Generic elementwise drivers: contiguous fast paths via the op's span form, general strided broadcasting
/// by walking the outer dimensions and handing each innermost run to the span form when its stride is 0 or 1.</summary>
internal static class Elementwise
{
    /// <summary>y = op(x) into a new contiguous tensor of x's shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Unary<TOp, T>(Tensor x)
        where TOp : IUnaryOp<T>
        where T : unmanaged
    {
        var src = x.Contiguous();
        var result = Tensor.Uninitialized(x._shape, x.DType);
        if (ParallelElementwise.Worth(result._numel))
        {
            ParallelElementwise.Unary<TOp, T>(src.Data<T>(), src._offset, result.Data<T>(), result._numel);
            return result;
        }

        TOp.Invoke(src.Span<T>(), result.Span<T>());
        return result;
    }

    /// <summary>y = op(x) for a parametric op struct, into a new contiguous tensor of x's shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Map<TOp, T>(Tensor x, TOp op)
        where TOp : struct, IMapOp<T>
        where T : unmanaged
    {
        var contiguous = x.Contiguous();
        var result = Tensor.Uninitialized(x._shape, x.DType);
        if (ParallelElementwise.Worth(result._numel))
        {
            ParallelElementwise.Map(contiguous.Data<T>(), contiguous._offset, result.Data<T>(), result._numel, op);
            return result;
        }

        var src = contiguous.Span<T>();
        var dst = result.Span<T>();
        for (int i = 0; i < dst.Length; i++) dst[i] = op.Invoke(src[i]);
        return result;
    }

    /// <summary>Parametric float op; integer and bool inputs are first converted to float32.</summary>
    public static Tensor MapFloating<TOp32, TOp64>(Tensor x, TOp32 op32, TOp64 op64)
        where TOp32 : struct, IMapOp<float>
        where TOp64 : struct, IMapOp<double>
        => x.DType == DType.Float64 ? Map<TOp64, double>(x, op64) : Map<TOp32, float>(x.DType == DType.Float32 ? x : x.To(DType.Float32), op32);

    /// <summary>Float op on a floating tensor; integer and bool inputs are first converted to float32, as PyTorch does.</summary>
    public static Tensor UnaryFloating<TOp32, TOp64>(Tensor x)
        where TOp32 : IUnaryOp<float>
        where TOp64 : IUnaryOp<double>
        => x.DType == DType.Float64 ? Unary<TOp64, double>(x) : Unary<TOp32, float>(x.DType == DType.Float32 ? x : x.To(DType.Float32));

    /// <summary>Arithmetic on the promoted dtype of a and b (bool is computed as int64).</summary>
    public static Tensor Arithmetic<TOp32, TOp64, TOpLong>(Tensor a, Tensor b)
        where TOp32 : IBinaryOp<TOp32, float, float>
        where TOp64 : IBinaryOp<TOp64, double, double>
        where TOpLong : IBinaryOp<TOpLong, long, long>
    {
        var dtype = DTypes.Promote(a, b);
        if (dtype == DType.Bool) dtype = DType.Int64;
        a = a.To(dtype);
        b = b.To(dtype);
        return dtype switch
        {
            DType.Float32 => Binary<TOp32, float, float>(a, b, DType.Float32),
            DType.Float64 => Binary<TOp64, double, double>(a, b, DType.Float64),
            _ => Binary<TOpLong, long, long>(a, b, DType.Int64),
        };
    }

    /// <summary>Floating arithmetic (true division, pow): integer operands are promoted to float32.</summary>
    public static Tensor Floating<TOp32, TOp64>(Tensor a, Tensor b)
        where TOp32 : IBinaryOp<TOp32, float, float>
        where TOp64 : IBinaryOp<TOp64, double, double>
    {
        var dtype = DTypes.Promote(a, b);
        if (!dtype.IsFloatingPoint()) dtype = DType.Float32;
        a = a.To(dtype);
        b = b.To(dtype);
        return dtype == DType.Float64
            ? Binary<TOp64, double, double>(a, b, DType.Float64)
            : Binary<TOp32, float, float>(a, b, DType.Float32);
    }

    /// <summary>out = op(a, b) broadcast; a and b must already have element type <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Binary<TOp, T, TOut>(Tensor a, Tensor b, DType outDType)
        where TOp : IBinaryOp<TOp, T, TOut>
        where T : unmanaged
        where TOut : unmanaged
    {
        var shape = Shapes.Broadcast(a._shape, b._shape);
        var result = Tensor.Empty(shape, outDType);
        var dst = result.Span<TOut>();
        int n = dst.Length;
        if (n == 0) return result;
        T[] ad = a.Data<T>(), bd = b.Data<T>();
        bool aFull = a._numel == n && a.IsContiguous, bFull = b._numel == n && b.IsContiguous;
        if (ParallelElementwise.Worth(n) && (aFull || a._numel == 1) && (bFull || b._numel == 1))
        {
            ParallelElementwise.Binary<TOp, T, TOut>(ad, a._offset, !aFull, bd, b._offset, !bFull, result.Data<TOut>(), n);
            return result;
        }

        if (aFull && bFull)
        {
            TOp.Invoke(ad.AsSpan(a._offset, n), bd.AsSpan(b._offset, n), dst);
            return result;
        }
        if (aFull && b._numel == 1)
        {
            TOp.Invoke(ad.AsSpan(a._offset, n), bd[b._offset], dst);
            return result;
        }
        if (bFull && a._numel == 1)
        {
            TOp.Invoke(ad[a._offset], bd.AsSpan(b._offset, n), dst);
            return result;
        }
        int rank = shape.Length;
        int[] sa = Shapes.BroadcastStrides(a, shape), sb = Shapes.BroadcastStrides(b, shape);
        int inner = shape[rank - 1], ia = sa[rank - 1], ib = sb[rank - 1];
        int outer = n / inner;
        Span<int> index = stackalloc int[rank];
        int offA = a._offset, offB = b._offset;
        for (int o = 0; o < outer; o++)
        {
            var run = dst.Slice(o * inner, inner);
            if (ia == 1 && ib == 1) TOp.Invoke(ad.AsSpan(offA, inner), bd.AsSpan(offB, inner), run);
            else if (ia == 1 && ib == 0) TOp.Invoke(ad.AsSpan(offA, inner), bd[offB], run);
            else if (ia == 0 && ib == 1) TOp.Invoke(ad[offA], bd.AsSpan(offB, inner), run);
            else
            {
                for (int j = 0; j < inner; j++) run[j] = TOp.Invoke(ad[offA + j * ia], bd[offB + j * ib]);
            }
            for (int d = rank - 2; d >= 0; d--)
            {
                offA += sa[d];
                offB += sb[d];
                if (++index[d] < shape[d]) break;
                offA -= sa[d] * shape[d];
                offB -= sb[d] * shape[d];
                index[d] = 0;
            }
        }
        return result;
    }

    /// <summary>Copies a strided tensor into a contiguous destination in row-major order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CopyTo<T>(Tensor src, Span<T> dst)
        where T : unmanaged
    {
        T[] sd = src.Data<T>();
        int n = src._numel;
        if (n == 0) return;
        if (src.IsContiguous)
        {
            sd.AsSpan(src._offset, n).CopyTo(dst);
            return;
        }
        int[] shape = src._shape, strides = src._strides;
        int rank = shape.Length;
        int inner = shape[rank - 1], step = strides[rank - 1];
        int outer = n / inner;
        Span<int> index = stackalloc int[rank];
        int off = src._offset;
        for (int o = 0; o < outer; o++)
        {
            var run = dst.Slice(o * inner, inner);
            if (step == 1) sd.AsSpan(off, inner).CopyTo(run);
            else
            {
                for (int j = 0; j < inner; j++) run[j] = sd[off + j * step];
            }
            for (int d = rank - 2; d >= 0; d--)
            {
                off += strides[d];
                if (++index[d] < shape[d]) break;
                off -= strides[d] * shape[d];
                index[d] = 0;
            }
        }
    }
}
