using Kindling.Data;

namespace Kindling.Training;

/// <summary>Gathers the rows of a mini-batch (<c>X[idx]</c>, <c>y[idx]</c>) into buffers reused across steps,
/// so a training step allocates no new batch arrays.</summary>
/// <remarks>The returned tensors are overwritten by the next call: a callback that keeps a batch must clone it.
/// The copying is the data layer's <see cref="RowGather"/>, shared with <c>DataLoader</c>.</remarks>
sealed class BatchGatherer
{
    readonly Tensor x, y;
    readonly Dictionary<int, (Tensor X, Tensor Y)> buffers = [];

    public BatchGatherer(Tensor x, Tensor y)
    {
        this.x = x.Contiguous();
        this.y = y.Contiguous();
    }

    /// <summary>The rows <c>perm[start .. start+count)</c>.</summary>
    public (Tensor X, Tensor Y) Gather(ReadOnlySpan<long> perm, int start, int count)
    {
        if (!buffers.TryGetValue(count, out var batch))
        {
            batch = (Torch.Zeros(RowsOf(x, count), x.DType), Torch.Zeros(RowsOf(y, count), y.DType));
            buffers[count] = batch;
        }
        var rows = perm.Slice(start, count);
        RowGather.Copy(x, rows, batch.X);
        RowGather.Copy(y, rows, batch.Y);
        return batch;
    }

    static int[] RowsOf(Tensor t, int rows)
    {
        var shape = t.Shape;
        shape[0] = rows;
        return shape;
    }
}
