// https://pytorch.org/docs/1.13/generated/torch.nn.Linear.html
namespace Kindling.Nn;

/// <summary>Applies an affine map y = x·Wᵀ + b, as <c>torch.nn.Linear</c>: (*, in) → (*, out).</summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer and initialises it with <see cref="ResetParameters"/> (drawing from the default generator).</summary>
    /// <param name="inFeatures">Size of each input sample.</param>
    /// <param name="outFeatures">Size of each output sample.</param>
    /// <param name="bias">Whether to learn an additive bias.</param>
    public Linear(int inFeatures, int outFeatures, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegative(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", new Parameter(Tensor.FromArray(new float[outFeatures * inFeatures], outFeatures, inFeatures)))!;
        Bias = RegisterParameter("bias", bias ? new Parameter(Tensor.FromArray(new float[outFeatures], outFeatures)) : null);
        ResetParameters();
    }

    /// <summary>Size of each input sample.</summary>
    public int InFeatures { get; }

    /// <summary>Size of each output sample.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight, shape (out_features, in_features).</summary>
    public Parameter Weight { get; }

    /// <summary>The bias, shape (out_features), or null.</summary>
    public Parameter? Bias { get; }

    /// <remarks>As PyTorch: <c>kaiming_uniform_(a = √5)</c> for the weight, then U(−1/√fan_in, 1/√fan_in) for the
    /// bias, drawn in that order from the default generator (RANDOMNESS.md §2.7).</remarks>
    public override void ResetParameters()
    {
        Init.KaimingUniform_(Weight, a: Math.Sqrt(5));
        if (Bias is null) return;
        int fanIn = Weight.Size(1);
        double bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        Init.Uniform_(Bias, -bound, bound);
    }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => Functional.Linear(input, Weight, Bias);

    /// <summary>relu(Forward(input)) as one fused op where it applies (2-D float32), for <see cref="Sequential"/>.</summary>
    internal Tensor ForwardRelu(Tensor input) =>
        input.Dim == 2 && input.Size(1) == InFeatures && input.DType == DType.Float32 && Weight.DType == DType.Float32
        && (Bias is null || Bias.DType == DType.Float32)
            ? LinearFunction.ApplyRelu(input, Weight, Bias)
            : Functional.Linear(input, Weight, Bias).Relu();

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"in_features={InFeatures}, out_features={OutFeatures}, bias={Py(Bias is not null)}";
}
