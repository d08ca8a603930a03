// https://pytorch.org/docs/1.13/generated/torch.nn.CrossEntropyLoss.html
namespace Kindling.Nn;

/// <summary>Cross-entropy of logits (N, C) against class indices (N) or class probabilities (N, C), as
/// <c>torch.nn.CrossEntropyLoss</c>. See <see cref="Functional.CrossEntropy"/>.</summary>
public sealed class CrossEntropyLoss : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="weight">(C) per-class weights, or null; registered as the buffer <c>weight</c>, as PyTorch.</param>
    /// <param name="ignoreIndex">Class-index targets equal to this are skipped (default −100).</param>
    /// <param name="reduction">Mean (weighted over non-ignored samples, the default), Sum or None.</param>
    /// <param name="labelSmoothing">ε in [0, 1] mixing the target with the uniform distribution.</param>
    public CrossEntropyLoss(Tensor? weight = null, long ignoreIndex = -100, Reduction reduction = Reduction.Mean,
        double labelSmoothing = 0)
        : base(reduction)
    {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "label_smoothing must be between 0.0 and 1.0.");
        Weight = RegisterBuffer("weight", weight);
        IgnoreIndex = ignoreIndex;
        LabelSmoothing = labelSmoothing;
    }

    /// <summary>The per-class weights, or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>The ignored class index.</summary>
    public long IgnoreIndex { get; }

    /// <summary>The label-smoothing amount ε.</summary>
    public double LabelSmoothing { get; }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input, Tensor target) =>
        Functional.CrossEntropy(input, target, Weight, IgnoreIndex, Reduction, LabelSmoothing);
}
