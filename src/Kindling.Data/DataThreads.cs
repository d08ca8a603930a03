namespace Kindling.Data;

/// <summary>How the data layer spreads independent work (CSV chunks, feature columns, row blocks) over threads:
/// as many as <see cref="Torch.GetNumThreads"/>, so <c>Torch.SetNumThreads(1)</c> makes it serial. Every caller
/// partitions its work so that results never depend on the thread count.</summary>
static class DataThreads
{
    /// <summary>Below this many values in all, work stays on the calling thread (WineQT's 914 × 11: waking a pool
    /// thread costs more than the work).</summary>
    internal const long MinimumParallelWork = 1 << 16;

    /// <summary>Runs <paramref name="body"/> for 0..<paramref name="count"/>−1, at most <see cref="Torch.GetNumThreads"/> at a
    /// time; serially when <paramref name="work"/> (values touched in all) is below <see cref="MinimumParallelWork"/>.</summary>
    internal static void For(int count, Action<int> body, long work = long.MaxValue)
    {
        int threads = work < MinimumParallelWork ? 1 : Math.Min(count, Torch.GetNumThreads());
        if (threads <= 1)
        {
            for (int i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }
}
