// https://pytorch.org/docs/1.13/nn.init.html
using Kindling.Random;

namespace Kindling.Nn;

/// <summary>Fills tensors in place with PyTorch's initialisation schemes (<c>torch.nn.init</c>), drawing from
/// <see cref="Torch.DefaultGenerator"/> (or the generator given) in PyTorch's element order, so the same seed
/// gives the same bits.</summary>
/// <remarks>Bounds and standard deviations are computed in doubles in PyTorch's order of operations
/// (RANDOMNESS.md §2.7); the fills are the generator's <c>uniform_</c>/<c>normal_</c>.</remarks>
public static class Init
{
    /// <summary>Fills with U(<paramref name="a"/>, <paramref name="b"/>), as <c>uniform_</c>.</summary>
    /// <returns><paramref name="tensor"/>.</returns>
    public static Tensor Uniform_(Tensor tensor, double a = 0, double b = 1, Generator? generator = null)
    {
        var g = generator ?? Torch.DefaultGenerator;
        switch (Floating(tensor, nameof(Uniform_)))
        {
            case DType.Float32: g.Uniform(tensor.Span<float>(), a, b); break;
            default: g.Uniform(tensor.Span<double>(), a, b); break;
        }
        return tensor;
    }

    /// <summary>Fills with N(<paramref name="mean"/>, <paramref name="std"/>²), as <c>normal_</c>.</summary>
    /// <returns><paramref name="tensor"/>.</returns>
    public static Tensor Normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
    {
        if (std < 0) throw new ArgumentOutOfRangeException(nameof(std), std, "normal_ expects std >= 0.");
        var g = generator ?? Torch.DefaultGenerator;
        switch (Floating(tensor, nameof(Normal_)))
        {
            case DType.Float32: g.Normal(tensor.Span<float>(), mean, std); break;
            default: g.Normal(tensor.Span<double>(), mean, std); break;
        }
        return tensor;
    }

    /// <summary>Fills with <paramref name="value"/>, as <c>constant_</c>.</summary>
    /// <returns><paramref name="tensor"/>.</returns>
    public static Tensor Constant_(Tensor tensor, double value)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        tensor.Fill_(value);
        return tensor;
    }

    /// <summary>Fills with zeros, as <c>zeros_</c>.</summary>
    /// <returns><paramref name="tensor"/>.</returns>
    public static Tensor Zeros_(Tensor tensor) => Constant_(tensor, 0);

    /// <summary>Fills with ones, as <c>ones_</c>.</summary>
    /// <returns><paramref name="tensor"/>.</returns>
    public static Tensor Ones_(Tensor tensor) => Constant_(tensor, 1);

    /// <summary>He/Kaiming uniform: U(−bound, bound) with bound = √3 · gain / √fan, as <c>kaiming_uniform_</c>.</summary>
    /// <param name="tensor">At least 2-D (fans are computed from its shape).</param>
    /// <param name="a">Negative slope of the rectifier after this layer (used with <see cref="Nonlinearity.LeakyRelu"/>).</param>
    /// <param name="mode">Which fan to preserve the variance of.</param>
    /// <param name="nonlinearity">Chooses the gain (<see cref="CalculateGain"/>).</param>
    /// <param name="generator">Source of randomness; the default generator when null.</param>
    /// <returns><paramref name="tensor"/>.</returns>
    public static Tensor KaimingUniform_(Tensor tensor, double a = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyRelu, Generator? generator = null)
    {
        if (tensor.NumEl == 0) return tensor; // PyTorch: "Initializing zero-element tensors is a no-op"
        double std = CalculateGain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
        double bound = Math.Sqrt(3.0) * std;
        return Uniform_(tensor, -bound, bound, generator);
    }

    /// <summary>He/Kaiming normal: N(0, (gain / √fan)²), as <c>kaiming_normal_</c>.</summary>
    /// <param name="tensor">At least 2-D (fans are computed from its shape).</param>
    /// <param name="a">Negative slope of the rectifier after this layer (used with <see cref="Nonlinearity.LeakyRelu"/>).</param>
    /// <param name="mode">Which fan to preserve the variance of.</param>
    /// <param name="nonlinearity">Chooses the gain (<see cref="CalculateGain"/>).</param>
    /// <param name="generator">Source of randomness; the default generator when null.</param>
    /// <returns><paramref name="tensor"/>.</returns>
    public static Tensor KaimingNormal_(Tensor tensor, double a = 0, FanMode mode = FanMode.FanIn,
        Nonlinearity nonlinearity = Nonlinearity.LeakyRelu, Generator? generator = null)
    {
        if (tensor.NumEl == 0) return tensor;
        double std = CalculateGain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
        return Normal_(tensor, 0, std, generator);
    }

    /// <summary>Glorot/Xavier uniform: U(−a, a) with a = √3 · gain · √(2 / (fan_in + fan_out)), as <c>xavier_uniform_</c>.</summary>
    /// <returns><paramref name="tensor"/>.</returns>
    public static Tensor XavierUniform_(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        double std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
        double a = Math.Sqrt(3.0) * std;
        return Uniform_(tensor, -a, a, generator);
    }

    /// <summary>Glorot/Xavier normal: N(0, gain² · 2 / (fan_in + fan_out)), as <c>xavier_normal_</c>.</summary>
    /// <returns><paramref name="tensor"/>.</returns>
    public static Tensor XavierNormal_(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        double std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
        return Normal_(tensor, 0, std, generator);
    }

    /// <summary>The recommended gain for <paramref name="nonlinearity"/>, as <c>calculate_gain</c>.</summary>
    /// <param name="nonlinearity">The function applied after the layer.</param>
    /// <param name="param">The negative slope for <see cref="Nonlinearity.LeakyRelu"/> (0.01 when null).</param>
    public static double CalculateGain(Nonlinearity nonlinearity, double? param = null) => nonlinearity switch
    {
        Nonlinearity.Linear or Nonlinearity.Conv1d or Nonlinearity.Conv2d or Nonlinearity.Conv3d
            or Nonlinearity.ConvTranspose1d or Nonlinearity.ConvTranspose2d or Nonlinearity.ConvTranspose3d
            or Nonlinearity.Sigmoid => 1,
        Nonlinearity.Tanh => 5.0 / 3,
        Nonlinearity.Relu => Math.Sqrt(2.0),
        Nonlinearity.LeakyRelu => Math.Sqrt(2.0 / (1 + Square(param ?? 0.01))),
        Nonlinearity.Selu => 3.0 / 4,
        _ => throw new ArgumentOutOfRangeException(nameof(nonlinearity), nonlinearity, "unsupported nonlinearity."),
    };

    /// <summary>fan_in = size(1)·receptive field, fan_out = size(0)·receptive field (receptive field = product of
    /// dims 2 and up), as PyTorch's <c>_calculate_fan_in_and_fan_out</c>.</summary>
    /// <exception cref="ArgumentException">The tensor has fewer than 2 dimensions.</exception>
    public static (int FanIn, int FanOut) CalculateFanInAndFanOut(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.Dim < 2)
            throw new ArgumentException(
                $"Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (shape {Module.FormatShape(tensor.Shape)}).",
                nameof(tensor));
        var shape = tensor.Shape;
        int receptive = 1;
        for (int i = 2; i < shape.Length; i++) receptive *= shape[i];
        return (shape[1] * receptive, shape[0] * receptive);
    }

    private static int Fan(Tensor tensor, FanMode mode)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        return mode == FanMode.FanIn ? fanIn : fanOut;
    }

    // Python's `x ** 2` on a float is pow(x, 2), which is the correctly rounded x·x.
    private static double Square(double x) => x * x;

    private static DType Floating(Tensor tensor, string function)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.DType is not (DType.Float32 or DType.Float64))
            throw new ArgumentException($"{function} needs a floating-point tensor, got {tensor.DType}.", nameof(tensor));
        if (!tensor.IsContiguous)
            throw new ArgumentException($"{function} needs a contiguous tensor (PyTorch's fill order); call Contiguous() first.", nameof(tensor));
        return tensor.DType;
    }
}
