namespace Kindling.Training;

/// <summary>Gathers the rows of a mini-batch (<c>X[idx]</c>, <c>y[idx]</c>) into buffers reused across steps,
/// so a training step allocates no new batch arrays.</summary>
/// <remarks>The returned tensors are overwritten by the next call: a callback that keeps a batch must clone it.
/// Inputs that are not contiguous float32 rows with int64 targets fall back to <c>IndexSelect</c>.</remarks>
sealed class BatchGatherer
{
    readonly Tensor x, y;
    readonly int rowLength;
    readonly bool fast;
    readonly Dictionary<int, (Tensor X, Tensor Y)> buffers = [];

    public BatchGatherer(Tensor x, Tensor y)
    {
        this.x = x.Contiguous();
        this.y = y.Contiguous();
        rowLength = x.Dim == 0 ? 1 : x.NumEl / Math.Max(1, x.Size(0));
        fast = x.DType == DType.Float32 && y.DType == DType.Int64 && y.Dim == 1;
    }

    /// <summary>The rows <c>perm[start .. start+count)</c>.</summary>
    public (Tensor X, Tensor Y) Gather(ReadOnlySpan<long> perm, int start, int count)
    {
        var rows = perm.Slice(start, count);
        if (!fast)
        {
            var index = Torch.Tensor(rows.ToArray());
            return (x[index], y[index]);
        }
        if (!buffers.TryGetValue(count, out var batch))
        {
            var shape = x.Shape;
            shape[0] = count;
            batch = (Tensor.FromArray(new float[count * rowLength], shape), Tensor.FromArray(new long[count], count));
            buffers[count] = batch;
        }
        var source = x.Span<float>();
        var targets = y.Span<long>();
        var xb = batch.X.Span<float>();
        var yb = batch.Y.Span<long>();
        for (int i = 0; i < rows.Length; i++)
        {
            int r = checked((int)rows[i]);
            source.Slice(r * rowLength, rowLength).CopyTo(xb.Slice(i * rowLength, rowLength));
            yb[i] = targets[r];
        }
        return batch;
    }
}
