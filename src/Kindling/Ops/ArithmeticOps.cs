using System.Numerics;
using System.Numerics.Tensors;

namespace Kindling;

// Binary arithmetic as op structs for Elementwise.Binary; span-span forms go to TensorPrimitives (SIMD),
// span-scalar forms to ScalarSpan's Vector<T> loops.

internal readonly struct AddOp<T> : IBinaryOp<AddOp<T>, T, T>
    where T : INumber<T>
{
    public static T Invoke(T a, T b) => a + b;

    public static void Invoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Add(a, b, d);

    public static void Invoke(ReadOnlySpan<T> a, T b, Span<T> d) => ScalarSpan.Add(a, b, d);

    public static void Invoke(T a, ReadOnlySpan<T> b, Span<T> d) => ScalarSpan.Add(b, a, d);
}

internal readonly struct SubOp<T> : IBinaryOp<SubOp<T>, T, T>
    where T : INumber<T>
{
    public static T Invoke(T a, T b) => a - b;

    public static void Invoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Subtract(a, b, d);

    public static void Invoke(ReadOnlySpan<T> a, T b, Span<T> d) => ScalarSpan.Subtract(a, b, d, reversed: false);

    public static void Invoke(T a, ReadOnlySpan<T> b, Span<T> d) => ScalarSpan.Subtract(b, a, d, reversed: true);
}

internal readonly struct MulOp<T> : IBinaryOp<MulOp<T>, T, T>
    where T : INumber<T>
{
    public static T Invoke(T a, T b) => a * b;

    public static void Invoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Multiply(a, b, d);

    public static void Invoke(ReadOnlySpan<T> a, T b, Span<T> d) => ScalarSpan.Multiply(a, b, d);

    public static void Invoke(T a, ReadOnlySpan<T> b, Span<T> d) => ScalarSpan.Multiply(b, a, d);
}

internal readonly struct DivOp<T> : IBinaryOp<DivOp<T>, T, T>
    where T : INumber<T>
{
    public static T Invoke(T a, T b) => a / b;

    public static void Invoke(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Divide(a, b, d);

    public static void Invoke(ReadOnlySpan<T> a, T b, Span<T> d) => ScalarSpan.Divide(a, b, d, reversed: false);

    public static void Invoke(T a, ReadOnlySpan<T> b, Span<T> d) => ScalarSpan.Divide(b, a, d, reversed: true);
}

internal readonly struct PowOp<T> : IBinaryOp<PowOp<T>, T, T>
    where T : IFloatingPointIeee754<T>
{
    public static T Invoke(T a, T b) => T.Pow(a, b);
}

/// <summary>Elementwise maximum, NaN-propagating as <c>torch.maximum</c>.</summary>
internal readonly struct MaximumOp<T> : IBinaryOp<MaximumOp<T>, T, T>
    where T : INumber<T>
{
    public static T Invoke(T a, T b) => T.IsNaN(a) || a > b ? a : b;
}

/// <summary>Elementwise minimum, NaN-propagating as <c>torch.minimum</c>.</summary>
internal readonly struct MinimumOp<T> : IBinaryOp<MinimumOp<T>, T, T>
    where T : INumber<T>
{
    public static T Invoke(T a, T b) => T.IsNaN(a) || a < b ? a : b;
}
