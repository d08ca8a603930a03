using System.Numerics;

namespace Kindling;

// Comparisons as op structs for Elementwise.Binary; all produce bool. NaN compares unequal to everything.

internal readonly struct EqOp<T> : IBinaryOp<EqOp<T>, T, bool>
    where T : IEqualityOperators<T, T, bool>
{
    public static bool Invoke(T a, T b) => a == b;
}

internal readonly struct NeOp<T> : IBinaryOp<NeOp<T>, T, bool>
    where T : IEqualityOperators<T, T, bool>
{
    public static bool Invoke(T a, T b) => a != b;
}

internal readonly struct LtOp<T> : IBinaryOp<LtOp<T>, T, bool>
    where T : IComparisonOperators<T, T, bool>
{
    public static bool Invoke(T a, T b) => a < b;
}

internal readonly struct LeOp<T> : IBinaryOp<LeOp<T>, T, bool>
    where T : IComparisonOperators<T, T, bool>
{
    public static bool Invoke(T a, T b) => a <= b;
}

internal readonly struct GtOp<T> : IBinaryOp<GtOp<T>, T, bool>
    where T : IComparisonOperators<T, T, bool>
{
    public static bool Invoke(T a, T b) => a > b;
}

internal readonly struct GeOp<T> : IBinaryOp<GeOp<T>, T, bool>
    where T : IComparisonOperators<T, T, bool>
{
    public static bool Invoke(T a, T b) => a >= b;
}
