// https://pytorch.org/docs/1.13/generated/torch.nn.Embedding.html
namespace Kindling.Nn;

/// <summary>A lookup table of learned vectors, as <c>torch.nn.Embedding</c>: int64 indices (*) → (*, embedding_dim).</summary>
public sealed class Embedding : Module
{
    /// <summary>Creates the table and initialises it with <see cref="ResetParameters"/>.</summary>
    /// <param name="numEmbeddings">Number of rows (the vocabulary size).</param>
    /// <param name="embeddingDim">Size of each vector.</param>
    /// <param name="paddingIdx">A row kept at zero that receives no gradient (negative counts from the end), or null.</param>
    public Embedding(int numEmbeddings, int embeddingDim, int? paddingIdx = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numEmbeddings);
        ArgumentOutOfRangeException.ThrowIfNegative(embeddingDim);
        if (paddingIdx is { } p && (p >= numEmbeddings || p < -numEmbeddings))
            throw new ArgumentOutOfRangeException(nameof(paddingIdx), p, $"padding_idx must be within [-{numEmbeddings}, {numEmbeddings - 1}].");
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        PaddingIdx = paddingIdx is { } q && q < 0 ? q + numEmbeddings : paddingIdx;
        Weight = RegisterParameter("weight", new Parameter(Tensor.FromArray(new float[numEmbeddings * embeddingDim], numEmbeddings, embeddingDim)))!;
        ResetParameters();
    }

    /// <summary>Number of rows.</summary>
    public int NumEmbeddings { get; }

    /// <summary>Size of each vector.</summary>
    public int EmbeddingDim { get; }

    /// <summary>The padding row (non-negative), or null.</summary>
    public int? PaddingIdx { get; }

    /// <summary>The table, shape (num_embeddings, embedding_dim).</summary>
    public Parameter Weight { get; }

    /// <remarks>As PyTorch: <c>normal_(0, 1)</c> over the whole table, then the padding row is zeroed.</remarks>
    public override void ResetParameters()
    {
        Init.Normal_(Weight);
        if (PaddingIdx is { } p)
            Weight.Span<float>().Slice(p * EmbeddingDim, EmbeddingDim).Clear();
    }

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => Functional.Embedding(input, Weight, PaddingIdx);

    /// <inheritdoc/>
    protected override string ExtraRepr() =>
        $"{NumEmbeddings}, {EmbeddingDim}" + (PaddingIdx is { } p ? $", padding_idx={p}" : "");
}
