// https://pytorch.org/docs/1.13/data.html#torch.utils.data.DataLoader
using System.Collections;
using Kindling.Random;

namespace Kindling.Data;

/// <summary>
/// Batches of a <see cref="TensorDataset"/>, as <c>torch.utils.data.DataLoader(dataset, batch_size,
/// shuffle, drop_last, generator)</c> with <c>num_workers=0</c>: each <c>foreach</c> is one epoch and
/// draws from the generator exactly as PyTorch 1.13 does (RANDOMNESS.md §2.8), so the same
/// <c>Torch.ManualSeed</c> gives the same batches.
/// </summary>
/// <remarks>
/// Unlike PyTorch, the batch tensors are reused buffers: a batch is overwritten by the next one, so
/// a training step allocates nothing. Call <c>Clone()</c> on a batch tensor to keep it.
/// </remarks>
public sealed class DataLoader : IEnumerable<Tensor[]>
{
    readonly TensorDataset _dataset;
    readonly Generator? _generator;
    readonly Tensor[]?[] _buffers = new Tensor[]?[2];  // [0]: full batches, [1]: the last partial batch

    /// <summary>Creates a loader; <paramref name="generator"/> replaces the global generator for its draws.</summary>
    public DataLoader(TensorDataset dataset, int batchSize = 1, bool shuffle = false, bool dropLast = false, Generator? generator = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _dataset = dataset;
        BatchSize = batchSize;
        Shuffle = shuffle;
        DropLast = dropLast;
        _generator = generator;
    }

    /// <summary>Items per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch visits the items in a fresh random order (RandomSampler).</summary>
    public bool Shuffle { get; }

    /// <summary>Whether a last batch smaller than <see cref="BatchSize"/> is dropped.</summary>
    public bool DropLast { get; }

    /// <summary>The dataset.</summary>
    public TensorDataset Dataset => _dataset;

    /// <summary>Batches per epoch; Python's <c>len(loader)</c>.</summary>
    public int Count => DropLast ? _dataset.Count / BatchSize : (_dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>Starts an epoch (draws the iterator's base seed, as PyTorch, even without shuffling).</summary>
    public IEnumerator<Tensor[]> GetEnumerator()
    {
        var generator = _generator ?? Torch.DefaultGenerator;
        SamplerSeeds.DrawSeed(generator);  // _BaseDataLoaderIter: base_seed, unused with num_workers = 0
        return Epoch(generator);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    IEnumerator<Tensor[]> Epoch(Generator generator)
    {
        int n = _dataset.Count;
        // RandomSampler.__iter__ runs at the first batch request: a private generator seeded from the
        // global one, or the loader's generator itself.
        long[] order = !Shuffle ? Identity(n)
            : _generator is null ? SamplerSeeds.RandomSamplerPermutation(generator, n)
            : _generator.RandPerm(n);
        int next = 0;
        bool exhausted = false;
        bool TryNext(out long index)
        {
            if (next < n) { index = order[next++]; return true; }
            index = -1;
            // 1.13's sampler calls randperm(n) again for the empty tail when exhausted; only visible on an explicit generator.
            if (!exhausted && Shuffle && _generator is not null) _generator.RandPerm(n);
            exhausted = true;
            return false;
        }
        var indices = new long[BatchSize];
        while (true)
        {
            int count = 0;
            while (count < BatchSize && TryNext(out long index)) indices[count++] = index;
            if (count == 0 || (count < BatchSize && DropLast)) yield break;
            yield return Gather(indices.AsSpan(0, count));
            if (count < BatchSize) yield break;
        }
    }

    Tensor[] Gather(ReadOnlySpan<long> indices)
    {
        int rows = indices.Length;
        int slot = rows == BatchSize ? 0 : 1;
        var batch = _buffers[slot];
        if (batch is null || batch[0].Size(0) != rows)
            _buffers[slot] = batch = _dataset.Tensors.Select(t => NewBatch(t, rows)).ToArray();
        for (int k = 0; k < batch.Length; k++) RowGather.Copy(_dataset.Tensors[k], indices, batch[k]);
        return batch;
    }

    static Tensor NewBatch(Tensor source, int rows)
    {
        var shape = source.Shape;
        shape[0] = rows;
        return Torch.Zeros(shape, source.DType);
    }

    static long[] Identity(int n)
    {
        var order = new long[n];
        for (int i = 0; i < n; i++) order[i] = i;
        return order;
    }
}
