namespace Kindling.Training.Checkpoints;

/// <summary>Which checkpoints a run keeps: the newest, and the <c>keepBest</c> with the lowest monitored loss
/// (PyTorch Lightning's <c>ModelCheckpoint(save_top_k=keepBest, save_last=True)</c>); -1 keeps them all.</summary>
/// <remarks>A NaN loss ranks last; on a tie the earlier checkpoint stays, as Lightning replaces a kept checkpoint
/// only with a strictly better one.</remarks>
internal sealed class CheckpointKeeper(int keepBest)
{
    readonly List<(int Epoch, double Loss, string Path)> kept = [];

    /// <summary>The checkpoints kept now, oldest first.</summary>
    public IReadOnlyList<(int Epoch, double Loss, string Path)> Kept => kept;

    /// <summary>Records a new checkpoint (the newest) and returns the paths of those no longer kept.</summary>
    public List<string> Add(int epoch, double loss, string path)
    {
        kept.Add((epoch, loss, path));
        if (keepBest < 0) return [];
        var best = kept.OrderBy(c => double.IsNaN(c.Loss) ? double.PositiveInfinity : c.Loss).ThenBy(c => c.Epoch)
            .Take(keepBest).Select(c => c.Epoch).ToHashSet();
        var dropped = kept.Where(c => c.Epoch != epoch && !best.Contains(c.Epoch)).ToList();
        kept.RemoveAll(dropped.Contains);
        return dropped.ConvertAll(c => c.Path);
    }
}
