// https://pytorch.org/docs/1.13/generated/torch.nn.BCELoss.html
namespace Kindling.Nn;

/// <summary>Binary cross-entropy of probabilities, as <c>torch.nn.BCELoss</c> (logs clamped at −100).</summary>
public sealed class BCELoss : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="weight">Per-element rescaling, broadcast to the input; null for 1. Registered as the buffer <c>weight</c>.</param>
    /// <param name="reduction">Mean (the default), Sum or None.</param>
    public BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean)
        : base(reduction)
    {
        Weight = RegisterBuffer("weight", weight);
    }

    /// <summary>The rescaling weight, or null.</summary>
    public Tensor? Weight { get; }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input, Tensor target) =>
        Functional.BinaryCrossEntropy(input, target, Weight, Reduction);
}
