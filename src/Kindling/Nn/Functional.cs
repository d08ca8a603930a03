// https://pytorch.org/docs/1.13/nn.functional.html
namespace Kindling.Nn;

/// <summary>The stateless functions behind the layers and losses, as <c>torch.nn.functional</c>
/// (tip: <c>using F = Kindling.Nn.Functional;</c>).</summary>
public static partial class Functional
{
    /// <summary>max(0, x) elementwise, as <c>F.relu</c>.</summary>
    public static Tensor Relu(Tensor input) => NotNull(input).Relu();

    /// <summary>x for x ≥ 0, negativeSlope·x otherwise, as <c>F.leaky_relu</c>.</summary>
    public static Tensor LeakyRelu(Tensor input, double negativeSlope = 0.01) => NotNull(input).LeakyRelu(negativeSlope);

    /// <summary>1 / (1 + e^−x), as <c>F.sigmoid</c>.</summary>
    public static Tensor Sigmoid(Tensor input) => NotNull(input).Sigmoid();

    /// <summary>tanh(x), as <c>F.tanh</c>.</summary>
    public static Tensor Tanh(Tensor input) => NotNull(input).Tanh();

    /// <summary>x·Φ(x) (or its tanh approximation when <paramref name="approximate"/> is <c>"tanh"</c>), as <c>F.gelu</c>.</summary>
    public static Tensor Gelu(Tensor input, string approximate = "none") => NotNull(input).Gelu(approximate);

    /// <summary>Softmax along <paramref name="dim"/>, as <c>F.softmax</c>.</summary>
    public static Tensor Softmax(Tensor input, int dim) => NotNull(input).Softmax(dim);

    /// <summary>Log-softmax along <paramref name="dim"/> (max-subtracted, so it stays finite), as <c>F.log_softmax</c>.</summary>
    public static Tensor LogSoftmax(Tensor input, int dim) => NotNull(input).LogSoftmax(dim);

    /// <summary>y = x·Wᵀ + b over the last dimension, as <c>F.linear</c>: x (*, in), W (out, in), b (out) → (*, out).</summary>
    /// <remarks>One fused GEMM (bias in the epilogue); backward: dX = dY·W, dW = dYᵀ·X, db = column sums of dY.</remarks>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Dim != 2)
            throw new ArgumentException($"linear: weight must be 2-D (out_features, in_features), got shape {TensorData.Format(weight.Shape)}.", nameof(weight));
        int outF = weight.Size(0), inF = weight.Size(1);
        if (input.Dim == 0 || input.Size(-1) != inF)
            throw new ArgumentException(
                $"linear: input shape {TensorData.Format(input.Shape)} and weight shape {TensorData.Format(weight.Shape)} do not match: " +
                $"the input's last dimension must be in_features = {inF}.", nameof(input));
        if (bias is not null && (bias.Dim != 1 || bias.Size(0) != outF))
            throw new ArgumentException($"linear: bias shape {TensorData.Format(bias.Shape)} does not match out_features = {outF}.", nameof(bias));
        if (!input.DType.IsFloatingPoint() || input.DType != weight.DType || (bias is not null && bias.DType != weight.DType))
            throw new ArgumentException(
                $"linear: input ({input.DType}), weight ({weight.DType}){(bias is null ? "" : $" and bias ({bias.DType})")} must share one floating-point dtype.",
                nameof(input));
        if (input.Dim == 2) return LinearFunction.Apply(input, weight, bias);
        // (*, in) → (M, in) → (M, out) → (*, out), as PyTorch folds leading dimensions.
        var shape = input.Shape;
        var rows = input.Reshape(-1, inF);
        var y = LinearFunction.Apply(rows, weight, bias);
        shape[^1] = outF;
        return y.Reshape(shape);
    }

    private static Tensor NotNull(Tensor input) => input ?? throw new ArgumentNullException(nameof(input));
}
