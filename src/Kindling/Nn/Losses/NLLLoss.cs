// https://pytorch.org/docs/1.13/generated/torch.nn.NLLLoss.html
namespace Kindling.Nn;

/// <summary>Negative log-likelihood of class indices given log-probabilities (N, C), as <c>torch.nn.NLLLoss</c>.</summary>
public sealed class NLLLoss : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="weight">(C) per-class weights, or null; registered as the buffer <c>weight</c>.</param>
    /// <param name="ignoreIndex">Targets equal to this are skipped (default −100).</param>
    /// <param name="reduction">Mean (weighted, the default), Sum or None.</param>
    public NLLLoss(Tensor? weight = null, long ignoreIndex = -100, Reduction reduction = Reduction.Mean)
        : base(reduction)
    {
        Weight = RegisterBuffer("weight", weight);
        IgnoreIndex = ignoreIndex;
    }

    /// <summary>The per-class weights, or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>The ignored class index.</summary>
    public long IgnoreIndex { get; }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input, Tensor target) =>
        Functional.NllLoss(input, target, Weight, IgnoreIndex, Reduction);
}
