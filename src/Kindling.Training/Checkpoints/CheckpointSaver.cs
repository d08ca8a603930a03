using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Kindling.Training.Io;

namespace Kindling.Training.Checkpoints;

/// <summary>A run's periodic checkpoints (Lightning's <c>ModelCheckpoint</c>): the training thread hands over a
/// copy of the state and goes on; one background thread writes it (temp file, fsync, rename, fsync of the
/// folder), appends the new epochs to <see cref="HistoryLog"/>, and removes what the <see cref="CheckpointKeeper"/>
/// no longer keeps, always after the newer checkpoint is on disk.</summary>
/// <remarks>
/// A fsync costs 0.5-4 ms on the machine measured, as long as ten epochs of the seed: done on the training thread
/// it was half of `kindling train --epochs 3000`. Off the thread it still competed for the two cores, so writes are
/// also spaced: after one, the next waits <see cref="MinInterval"/> (unless training has ended or
/// <see cref="MaxQueuedWrites"/> are waiting), and a queued checkpoint that a newer one makes redundant (neither
/// the last nor among the best) is never written. What ends on disk is what writing each one would leave; a crash
/// loses at most the epochs since the last write, one interval or one checkpoint period, whichever is longer.
/// Past <see cref="MaxQueuedWrites"/> the training thread waits, so memory stays bounded when the disk is slower
/// than training.
/// </remarks>
internal sealed class CheckpointSaver : IDisposable
{
    const int MaxQueuedWrites = 4;
    static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(500);

    sealed record Job(string Path, List<NamedArray>? Arrays, Dictionary<string, string>? Metadata, byte[]? History, bool RewriteHistory);

    readonly string directory;
    readonly CheckpointKeeper keeper;
    readonly LinkedList<Job> queue = new();
    readonly Thread thread;
    bool busy, closed, draining;
    long? lastWrite;   // Stopwatch timestamp of the last checkpoint written (writer thread only)
    ExceptionDispatchInfo? failure;
    int historyQueued = -1;   // epochs handed to the log; -1: the log is (re)written from epoch 1 first

    // Writer thread only.
    FileStream? history;
    bool historyUnsynced;

    public CheckpointSaver(string directory, int keepBest)
    {
        this.directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(this.directory);
        keeper = new CheckpointKeeper(keepBest);
        thread = new Thread(Run) { IsBackground = true, Name = "Kindling checkpoint writer" };
        thread.Start();
    }

    /// <summary>Queues the checkpoint of <paramref name="epoch"/> (its state already copied into
    /// <paramref name="arrays"/>), with the history records not yet in the log.</summary>
    /// <exception cref="IOException">An earlier checkpoint could not be written (rethrown here, on the training thread).</exception>
    public void Save(string fileName, int epoch, double loss, History runHistory, List<NamedArray> arrays, Dictionary<string, string>? metadata)
    {
        lock (queue)
        {
            failure?.Throw();
            bool rewrite = historyQueued < 0;
            var lines = HistoryLog.Lines(runHistory.Epochs, Math.Max(historyQueued, 0));
            historyQueued = runHistory.Count;
            string path = Path.Combine(directory, fileName);
            queue.AddLast(new Job(path, arrays, metadata, lines, rewrite));
            bool cancelled = false;
            foreach (var old in keeper.Add(epoch, loss, path))
            {
                // Not written yet: drop the state, keep its history lines for the log.
                var queued = queue.First;
                while (queued is not null && !(queued.Value.Path == old && queued.Value.Arrays is not null)) queued = queued.Next;
                if (queued is null) queue.AddLast(new Job(old, null, null, null, false));
                else
                {
                    queued.Value = queued.Value with { Arrays = null, Metadata = null, Path = "" };
                    cancelled = true;
                }
            }
            // A deletion queued to follow the write just cancelled must now follow this one: otherwise a kill between
            // the two would leave no checkpoint on disk.
            if (cancelled) MoveDeletionsToEnd();
            Monitor.PulseAll(queue);
            while (failure is null && queue.Count(j => j.Arrays is not null) > MaxQueuedWrites) Monitor.Wait(queue);
        }
    }

    // Under the lock: every pending deletion (a job with a path but neither state nor history) goes after the newest write.
    void MoveDeletionsToEnd()
    {
        var deletions = new List<Job>();
        for (var node = queue.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value is { Arrays: null, History: null, Path.Length: > 0 })
            {
                deletions.Add(node.Value);
                queue.Remove(node);
            }
            node = next;
        }
        foreach (var job in deletions) queue.AddLast(job);
    }

    /// <summary>Waits until every queued checkpoint is on disk.</summary>
    /// <exception cref="IOException">A checkpoint could not be written.</exception>
    public void Complete()
    {
        lock (queue)
        {
            draining = true;   // training is over: no more spacing
            Monitor.PulseAll(queue);
            while (failure is null && (busy || queue.Count > 0)) Monitor.Wait(queue);
            failure?.Throw();
        }
    }

    /// <summary>Finishes the queued writes (a failed run's checkpoints are still worth having) without throwing.</summary>
    public void Dispose()
    {
        lock (queue)
        {
            closed = true;
            Monitor.PulseAll(queue);
        }
        thread.Join();
        history?.Dispose();
    }

    void Run()
    {
        while (true)
        {
            Job job;
            lock (queue)
            {
                while (queue.Count == 0 && !closed) Monitor.Wait(queue);
                if (queue.Count == 0 || failure is not null) return;
                var wait = TimeToNextWrite();
                if (wait > TimeSpan.Zero)
                {
                    Monitor.Wait(queue, wait);   // newer checkpoints may make this one redundant meanwhile
                    continue;
                }
                job = queue.First!.Value;
                queue.RemoveFirst();
                busy = true;
            }
            try
            {
                Execute(job);
            }
            catch (Exception e)
            {
                lock (queue)
                {
                    failure ??= ExceptionDispatchInfo.Capture(e);
                    queue.Clear();
                }
            }
            lock (queue)
            {
                busy = false;
                Monitor.PulseAll(queue);
            }
        }
    }

    // Under the lock: how long the write at the front of the queue must still wait (zero for other jobs).
    TimeSpan TimeToNextWrite()
    {
        if (closed || draining || queue.First!.Value.Arrays is null) return TimeSpan.Zero;
        if (queue.Count(j => j.Arrays is not null) >= MaxQueuedWrites) return TimeSpan.Zero;
        if (lastWrite is not long last) return TimeSpan.Zero;
        var left = MinInterval - Stopwatch.GetElapsedTime(last);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    void Execute(Job job)
    {
        if (job.History is not null) AppendHistory(job.History, job.RewriteHistory);
        if (job.Arrays is not null)
        {
            // The log first: a checkpoint on disk never names epochs that are not.
            if (historyUnsynced) history!.Flush(flushToDisk: true);
            historyUnsynced = false;
            SafeTensors.Write(job.Path, job.Arrays, job.Metadata);
            DirectorySync.Flush(directory);
            lastWrite = Stopwatch.GetTimestamp();
        }
        else if (job.History is null)
        {
            File.Delete(job.Path);
        }
    }

    void AppendHistory(byte[] lines, bool rewrite)
    {
        string path = Path.Combine(directory, HistoryLog.FileName);
        if (rewrite)
        {
            // A trainer resumed into this folder replaces the log's later epochs: temp file, then rename.
            history?.Dispose();
            string temp = path + ".tmp";
            File.WriteAllBytes(temp, lines);
            File.Move(temp, path, overwrite: true);
            history = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        }
        else
        {
            history!.Write(lines);
        }
        historyUnsynced = true;
    }
}
