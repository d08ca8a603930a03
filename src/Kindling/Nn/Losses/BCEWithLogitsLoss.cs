// https://pytorch.org/docs/1.13/generated/torch.nn.BCEWithLogitsLoss.html
namespace Kindling.Nn;

/// <summary>Sigmoid plus binary cross-entropy in one stable step, as <c>torch.nn.BCEWithLogitsLoss</c>.</summary>
public sealed class BCEWithLogitsLoss : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="weight">Per-element rescaling, broadcast to the input; null for 1 (buffer <c>weight</c>).</param>
    /// <param name="reduction">Mean (the default), Sum or None.</param>
    /// <param name="posWeight">Weight of positive examples per class (last dimension); null for 1 (buffer <c>pos_weight</c>).</param>
    public BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? posWeight = null)
        : base(reduction)
    {
        Weight = RegisterBuffer("weight", weight);
        PosWeight = RegisterBuffer("pos_weight", posWeight);
    }

    /// <summary>The rescaling weight, or null.</summary>
    public Tensor? Weight { get; }

    /// <summary>The positive-example weight, or null.</summary>
    public Tensor? PosWeight { get; }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input, Tensor target) =>
        Functional.BinaryCrossEntropyWithLogits(input, target, Weight, Reduction, PosWeight);
}
