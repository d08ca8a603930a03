using Kindling.Nn;
using Kindling.Optim;

namespace Kindling.Bench.Workloads;

/// <summary>The seed's loop written out (the contract of issue 2), with mini-batches drawn as the seed program draws
/// them (<c>torch.randperm(n)</c> per epoch, consecutive slices) into reused buffers; no Trainer.</summary>
internal static class BareLoop
{
    public static (List<double> Losses, List<double> EpochSeconds, long StepBytes, int MeasuredSteps) Train(
        Module model, Tensor x, Tensor y, int epochs, int batchSize, double lr)
    {
        var criterion = new CrossEntropyLoss();
        var optimizer = new Adam(model.Parameters(), lr: lr);
        int n = x.Size(0), f = x.Size(1);
        int batch = batchSize <= 0 || batchSize >= n ? n : batchSize;
        var perm = new long[n];
        var buffers = new Dictionary<int, (Tensor X, Tensor Y)>();
        var losses = new List<double>();
        var epochSeconds = new List<double>();
        long stepBytes = 0;
        int measured = 0;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            if (batch < n) Torch.DefaultGenerator.RandPerm(perm);
            double total = 0;
            for (int s = 0; s < n; s += batch)
            {
                int count = Math.Min(batch, n - s);
                var (xb, yb) = batch == n ? (x, y) : Gather(x, y, f, perm.AsSpan(s, count), buffers);
                long before = epoch > 0 ? GC.GetAllocatedBytesForCurrentThread() : 0;   // cheap; see AllocationProbe
                optimizer.ZeroGrad();
                var loss = criterion.Call(model.Call(xb), yb);
                loss.Backward();
                optimizer.Step();
                double value = loss.Item();
                if (epoch > 0)
                {
                    stepBytes += GC.GetAllocatedBytesForCurrentThread() - before;
                    measured++;
                }
                total += value * count;
            }
            losses.Add(total / n);
            epochSeconds.Add(System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return (losses, epochSeconds, stepBytes, measured);
    }

    static (Tensor X, Tensor Y) Gather(Tensor x, Tensor y, int f, ReadOnlySpan<long> rows, Dictionary<int, (Tensor X, Tensor Y)> buffers)
    {
        if (!buffers.TryGetValue(rows.Length, out var b))
            buffers[rows.Length] = b = (Tensor.FromArray(new float[rows.Length * f], rows.Length, f), Tensor.FromArray(new long[rows.Length], rows.Length));
        Span<float> src = x.Span<float>(), dst = b.X.Span<float>();
        Span<long> ys = y.Span<long>(), yd = b.Y.Span<long>();
        for (int i = 0; i < rows.Length; i++)
        {
            int r = (int)rows[i];
            src.Slice(r * f, f).CopyTo(dst.Slice(i * f, f));
            yd[i] = ys[r];
        }
        return b;
    }
}
