namespace Kindling;

/// <summary>An elementwise function of one value, with a (vectorised) span form for contiguous runs.</summary>
/// <remarks>Implemented by structs, so generic kernels specialise per op with no virtual dispatch.</remarks>
internal interface IUnaryOp<T>
{
    static abstract T Invoke(T x);

    static abstract void Invoke(ReadOnlySpan<T> x, Span<T> destination);
}

/// <summary>An elementwise function of two values; the span forms cover the broadcasting fast paths
/// (both runs contiguous, or one side a repeated scalar). Defaults loop over <see cref="Invoke(T, T)"/>.</summary>
internal interface IBinaryOp<TSelf, T, TOut>
    where TSelf : IBinaryOp<TSelf, T, TOut>
{
    static abstract TOut Invoke(T a, T b);

    static virtual void Invoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<TOut> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = TSelf.Invoke(a[i], b[i]);
    }

    static virtual void Invoke(ReadOnlySpan<T> a, T b, Span<TOut> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = TSelf.Invoke(a[i], b);
    }

    static virtual void Invoke(T a, ReadOnlySpan<T> b, Span<TOut> destination)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = TSelf.Invoke(a, b[i]);
    }
}
