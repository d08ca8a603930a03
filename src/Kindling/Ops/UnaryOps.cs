using System.Numerics;
using System.Numerics.Tensors;

namespace Kindling;

// Unary pointwise functions as op structs for Elementwise.Unary; span forms go to TensorPrimitives (SIMD).

internal readonly struct NegOp<T> : IUnaryOp<T>
    where T : INumber<T>
{
    public static T Invoke(T x) => -x;

    public static void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Negate(x, d);
}

internal readonly struct AbsOp<T> : IUnaryOp<T>
    where T : INumber<T>
{
    public static T Invoke(T x) => T.Abs(x);

    public static void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Abs(x, d);
}

internal readonly struct ExpOp<T> : IUnaryOp<T>
    where T : IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Exp(x);

    public static void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Exp(x, d);
}

internal readonly struct LogOp<T> : IUnaryOp<T>
    where T : IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Log(x);

    public static void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Log(x, d);
}

internal readonly struct SqrtOp<T> : IUnaryOp<T>
    where T : IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Sqrt(x);

    public static void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Sqrt(x, d);
}

/// <summary>max(x, 0) keeping NaN, as <c>torch.relu</c>.</summary>
internal readonly struct ReluOp<T> : IUnaryOp<T>
    where T : INumber<T>
{
    public static T Invoke(T x) => x > T.Zero || T.IsNaN(x) ? x : T.Zero;

    public static void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Max(x, T.Zero, d);
}

internal readonly struct SigmoidOp<T> : IUnaryOp<T>
    where T : IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.One / (T.One + T.Exp(-x));

    public static void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Sigmoid(x, d);
}

internal readonly struct TanhOp<T> : IUnaryOp<T>
    where T : IFloatingPointIeee754<T>
{
    public static T Invoke(T x) => T.Tanh(x);

    public static void Invoke(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Tanh(x, d);
}
