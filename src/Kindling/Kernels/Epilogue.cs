namespace Kindling.Kernels;

/// <summary>What the matrix product does to each element of C as it is stored, after bias.</summary>
/// <remarks>Fusing these into the store saves a full pass over the activations per layer.</remarks>
internal enum Epilogue
{
    /// <summary>Store the product (plus bias) as is.</summary>
    None,

    /// <summary>Forward ReLU: max(0, x), NaN propagates (https://pytorch.org/docs/stable/generated/torch.nn.ReLU.html).</summary>
    Relu,

    /// <summary>ReLU backward: keep x where the mask (laid out like C) is &gt; 0, else 0 — dZ = (dH·W) ⊙ [H &gt; 0].</summary>
    ReluMask,
}
