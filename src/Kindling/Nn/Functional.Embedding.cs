// https://pytorch.org/docs/1.13/generated/torch.nn.functional.embedding.html
using Kindling.Autograd;

namespace Kindling.Nn;

public static partial class Functional
{
    /// <summary>Looks up rows of <paramref name="weight"/>, as <c>F.embedding</c>: indices (*) → (*, embedding_dim).</summary>
    /// <param name="input">int64 indices, any shape, each in [0, num_embeddings).</param>
    /// <param name="weight">(num_embeddings, embedding_dim).</param>
    /// <param name="paddingIdx">Row whose gradient stays zero (already wrapped to be non-negative), or null.</param>
    /// <remarks>Backward adds each output row's gradient into the row it was read from (repeated indices sum).</remarks>
    public static Tensor Embedding(Tensor input, Tensor weight, int? paddingIdx = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(weight);
        if (weight.Dim != 2)
            throw new ArgumentException($"embedding: weight must be 2-D (num_embeddings, embedding_dim), got shape {TensorData.Format(weight.Shape)}.", nameof(weight));
        var indices = TensorData.ReadLongs(input, "embedding input");
        int rows = weight.Size(0), dim = weight.Size(1);
        for (int i = 0; i < indices.Length; i++)
        {
            if (indices[i] < 0 || indices[i] >= rows)
                throw new ArgumentOutOfRangeException(nameof(input), indices[i],
                    $"embedding: index {indices[i]} (at flat position {i}) is out of range for a weight of {rows} rows [0, {rows - 1}].");
        }
        var shape = input.Shape.Append(dim).ToArray();
        var table = TensorData.ReadDoubles(weight, "embedding weight");
        var y = new double[indices.Length * dim];
        for (int i = 0; i < indices.Length; i++)
            Array.Copy(table, indices[i] * dim, y, (long)i * dim, dim);
        var output = TensorData.Create(y, shape, weight.DType);
        return Function.Apply("EmbeddingBackward0", output, [weight], g =>
        {
            var dy = TensorData.ReadDoubles(g, "gradient");
            var dw = new double[rows * dim];
            for (int i = 0; i < indices.Length; i++)
            {
                long row = indices[i];
                if (row == paddingIdx) continue;
                for (int k = 0; k < dim; k++) dw[row * dim + k] += dy[i * dim + k];
            }
            return [TensorData.Create(dw, [rows, dim], weight.DType)];
        }, savesTensors: false);
    }
}
