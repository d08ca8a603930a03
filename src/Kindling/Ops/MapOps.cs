using System.Numerics;

namespace Kindling;

/// <summary>An elementwise function with parameters (an exponent, bounds, a slope) held in the struct itself;
/// generic drivers call it through a constrained struct call, so there is no virtual dispatch.</summary>
internal interface IMapOp<T>
{
    T Invoke(T x);
}

internal readonly struct PowScalarOp<T>(T exponent) : IMapOp<T>
    where T : IFloatingPointIeee754<T>
{
    public T Invoke(T x) => T.Pow(x, exponent);
}

/// <summary>min(max(x, lo), hi) with NaN kept, as <c>torch.clamp</c>; a missing bound is ±∞.</summary>
internal readonly struct ClampOp<T>(T lo, T hi) : IMapOp<T>
    where T : INumber<T>
{
    public T Invoke(T x) => T.IsNaN(x) ? x : x < lo ? lo : x > hi ? hi : x;
}

internal readonly struct LeakyReluOp<T>(T slope) : IMapOp<T>
    where T : INumber<T>
{
    public T Invoke(T x) => x > T.Zero ? x : x * slope;
}

internal readonly struct SignOp<T> : IMapOp<T>
    where T : INumber<T>
{
    public T Invoke(T x) => x > T.Zero ? T.One : x < T.Zero ? -T.One : T.Zero;
}

/// <summary>GELU, exact: x·Φ(x) = ½x(1 + erf(x/√2)) (https://pytorch.org/docs/stable/generated/torch.nn.GELU.html).</summary>
internal readonly struct GeluOp<T> : IMapOp<T>
    where T : IFloatingPointIeee754<T>
{
    public T Invoke(T x)
    {
        double v = double.CreateTruncating(x);
        return T.CreateTruncating(0.5 * v * (1 + Erf.Evaluate(v * Erf.InvSqrt2)));
    }
}

/// <summary>GELU, tanh approximation: ½x(1 + tanh(√(2/π)(x + 0.044715x³))).</summary>
internal readonly struct GeluTanhOp<T> : IMapOp<T>
    where T : IFloatingPointIeee754<T>
{
    public T Invoke(T x)
    {
        double v = double.CreateTruncating(x);
        return T.CreateTruncating(0.5 * v * (1 + Math.Tanh(Erf.Sqrt2OverPi * (v + 0.044715 * v * v * v))));
    }
}

/// <summary>dGELU/dx exact: Φ(x) + x·φ(x).</summary>
internal readonly struct GeluGradOp<T> : IMapOp<T>
    where T : IFloatingPointIeee754<T>
{
    public T Invoke(T x)
    {
        double v = double.CreateTruncating(x);
        double cdf = 0.5 * (1 + Erf.Evaluate(v * Erf.InvSqrt2));
        double pdf = Math.Exp(-0.5 * v * v) * Erf.InvSqrt2Pi;
        return T.CreateTruncating(cdf + v * pdf);
    }
}

/// <summary>dGELU/dx for the tanh approximation, by the chain rule on ½x(1 + tanh(u)).</summary>
internal readonly struct GeluTanhGradOp<T> : IMapOp<T>
    where T : IFloatingPointIeee754<T>
{
    public T Invoke(T x)
    {
        double v = double.CreateTruncating(x);
        double u = Erf.Sqrt2OverPi * (v + 0.044715 * v * v * v);
        double th = Math.Tanh(u);
        double du = Erf.Sqrt2OverPi * (1 + 3 * 0.044715 * v * v);
        return T.CreateTruncating(0.5 * (1 + th) + 0.5 * v * (1 - th * th) * du);
    }
}
