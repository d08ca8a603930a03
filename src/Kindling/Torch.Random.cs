// https://pytorch.org/docs/1.13/random.html and the random sampling functions of
// https://pytorch.org/docs/1.13/torch.html#random-sampling (rand, randn, randint, randperm, bernoulli).
using Kindling.Random;

namespace Kindling;

public static partial class Torch
{
    /// <summary>The global CPU generator that every random function uses when none is passed.</summary>
    public static Generator DefaultGenerator { get; } = new();

    /// <summary>Seeds the default generator like <c>torch.manual_seed(seed)</c>.</summary>
    /// <remarks>Negative seeds wrap modulo 2^64 as in PyTorch (−1 becomes 0xFFFF_FFFF_FFFF_FFFF);
    /// only the low 32 bits reach the Mersenne Twister.</remarks>
    public static Generator ManualSeed(long seed)
    {
        DefaultGenerator.ManualSeed(unchecked((ulong)seed));
        return DefaultGenerator;
    }

    /// <summary>The seed last given to the default generator (<c>torch.initial_seed()</c>).</summary>
    public static ulong InitialSeed() => DefaultGenerator.InitialSeed;

    /// <summary>A copy of the default generator's state in <c>torch.get_rng_state()</c>'s byte layout.</summary>
    public static byte[] GetRngState() => DefaultGenerator.GetState();

    /// <summary>Restores the default generator's state from <see cref="GetRngState"/> or PyTorch's bytes.</summary>
    public static void SetRngState(byte[] state) => DefaultGenerator.SetState(state);

    /// <summary><c>torch.rand(*size)</c>: float32 uniform on [0, 1) from the default generator.</summary>
    public static Tensor Rand(params int[] shape) => Rand(shape, DType.Float32);

    /// <summary><c>torch.rand(size, dtype, generator, requires_grad)</c>.</summary>
    public static Tensor Rand(int[] shape, DType dtype, Generator? generator = null, bool requiresGrad = false)
    {
        var t = TensorFill.Uniform_(NewFloat(shape, dtype, "rand"), 0, 1, generator ?? DefaultGenerator);
        return requiresGrad ? t.RequiresGrad_() : t;
    }

    /// <summary><c>torch.randn(*size)</c>: float32 standard normal from the default generator.</summary>
    public static Tensor Randn(params int[] shape) => Randn(shape, DType.Float32);

    /// <summary><c>torch.randn(size, dtype, generator, requires_grad)</c> (PyTorch's size-dependent algorithm).</summary>
    public static Tensor Randn(int[] shape, DType dtype, Generator? generator = null, bool requiresGrad = false)
    {
        var t = TensorFill.Normal_(NewFloat(shape, dtype, "randn"), 0, 1, generator ?? DefaultGenerator);
        return requiresGrad ? t.RequiresGrad_() : t;
    }

    /// <summary><c>torch.rand_like(input)</c>.</summary>
    public static Tensor RandLike(Tensor input, Generator? generator = null) => Rand(input.Shape, input.DType, generator);

    /// <summary><c>torch.randn_like(input)</c>.</summary>
    public static Tensor RandnLike(Tensor input, Generator? generator = null) => Randn(input.Shape, input.DType, generator);

    /// <summary><c>torch.randint(low, high, size)</c>: int64 uniform on [low, high).</summary>
    public static Tensor RandInt(long low, long high, int[] shape, Generator? generator = null) =>
        TensorFill.RandInt_(Kindling.Tensor.Empty(shape, DType.Int64), low, high, generator ?? DefaultGenerator);

    /// <summary><c>torch.randint(high, size)</c>: int64 uniform on [0, high).</summary>
    public static Tensor RandInt(long high, int[] shape, Generator? generator = null) => RandInt(0, high, shape, generator);

    /// <summary><c>torch.randperm(n)</c>: an int64 permutation of 0..n−1.</summary>
    public static Tensor Randperm(int n, Generator? generator = null)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), $"randperm expects n >= 0, but got n={n}.");
        return Kindling.Tensor.FromArray((generator ?? DefaultGenerator).RandPerm(n), n);
    }

    /// <summary><c>torch.bernoulli(input)</c>: 1 with probability input[i], drawn per element (same dtype as input).</summary>
    /// <remarks>float32 probabilities compare against a 24-bit uniform, float64 against a 53-bit one, as PyTorch.</remarks>
    public static Tensor Bernoulli(Tensor input, Generator? generator = null)
    {
        var g = generator ?? DefaultGenerator;
        var probabilities = input.Contiguous();
        var result = Kindling.Tensor.Empty(input.Shape, input.DType);
        switch (input.DType)
        {
            case DType.Float32:
                g.Bernoulli(probabilities.Span<float>(), result.Span<float>());
                break;
            case DType.Float64:
                g.Bernoulli(probabilities.Span<double>(), result.Span<double>());
                break;
            default:
                throw new ArgumentException($"bernoulli expects a Float32 or Float64 tensor of probabilities, got {input.DType}.", nameof(input));
        }
        return result;
    }

    static Tensor NewFloat(int[] shape, DType dtype, string op)
    {
        if (dtype is not (DType.Float32 or DType.Float64))
            throw new ArgumentException($"{op} is only defined for floating dtypes, got {dtype}.", nameof(dtype));
        return Kindling.Tensor.Empty(shape, dtype);
    }
}
