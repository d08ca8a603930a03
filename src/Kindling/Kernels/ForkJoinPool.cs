using System.Diagnostics;

namespace Kindling.Kernels;

/// <summary>A small fork-join pool: the caller plus (threads − 1) workers share the tasks of one job, then
/// the caller waits for all of them.</summary>
/// <remarks>A training step issues many small products back to back, so workers spin about 200 µs after a
/// job (the next one usually arrives within that window; waking a blocked thread costs tens of µs) and then
/// block so an idle process uses no CPU. Tasks are handed out by an atomic counter; which thread runs a task
/// never changes its result. Jobs from several callers at once: the one that does not get the pool runs its
/// tasks itself. No allocation per job.</remarks>
internal sealed class ForkJoinPool
{
    private static readonly object CreateLock = new();
    private static ForkJoinPool? shared;
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000; // 200 µs

    private readonly object gate = new();
    private readonly object sleepLock = new();
    private readonly int workerCount;
    private IParallelWork? work;
    private int taskCount;
    private int nextTask;
    private int pending;
    private int generation;
    private int sleepers;
    private volatile bool stopping;
    private Exception? failure;

    private ForkJoinPool(int workers)
    {
        workerCount = workers;
        for (int w = 0; w < workers; w++)
        {
            var thread = new Thread(WorkerLoop) { IsBackground = true, Name = $"Kindling kernel worker {w + 1}" };
            thread.Start();
        }
    }

    /// <summary>Runs tasks 0..<paramref name="tasks"/>−1 of <paramref name="job"/> on up to
    /// <paramref name="threads"/> threads (the caller included) and returns when all are done.</summary>
    public static void Run(IParallelWork job, int tasks, int threads)
    {
        threads = Math.Min(threads, tasks);
        if (threads <= 1)
        {
            RunSerial(job, tasks);
            return;
        }

        ForkJoinPool pool = Acquire(threads - 1);
        if (!Monitor.TryEnter(pool.gate))
        {
            RunSerial(job, tasks);
            return;
        }

        if (pool.stopping)
        {
            // Retired by a thread-count change after this caller picked it up.
            Monitor.Exit(pool.gate);
            RunSerial(job, tasks);
            return;
        }

        try
        {
            pool.Execute(job, tasks);
        }
        finally
        {
            Monitor.Exit(pool.gate);
        }
    }

    private static void RunSerial(IParallelWork job, int tasks)
    {
        for (int t = 0; t < tasks; t++)
        {
            job.Run(t);
        }
    }

    private static ForkJoinPool Acquire(int workers)
    {
        ForkJoinPool? pool = Volatile.Read(ref shared);
        if (pool is not null && pool.workerCount == workers)
        {
            return pool;
        }

        lock (CreateLock)
        {
            pool = shared;
            if (pool is null || pool.workerCount != workers)
            {
                // The thread count changed (Torch.SetNumThreads): retire the old workers once idle.
                pool?.Stop();
                pool = new ForkJoinPool(workers);
                Volatile.Write(ref shared, pool);
            }

            return pool;
        }
    }

    private void Stop()
    {
        lock (gate)
        {
            stopping = true;
            lock (sleepLock)
            {
                Monitor.PulseAll(sleepLock);
            }
        }
    }

    private void Execute(IParallelWork job, int tasks)
    {
        work = job;
        taskCount = tasks;
        failure = null;
        Volatile.Write(ref nextTask, 0);
        Volatile.Write(ref pending, workerCount);
        Interlocked.Increment(ref generation);
        if (Volatile.Read(ref sleepers) > 0)
        {
            lock (sleepLock)
            {
                Monitor.PulseAll(sleepLock);
            }
        }

        RunTasks();
        var spin = new SpinWait();
        while (Volatile.Read(ref pending) != 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        work = null;
        if (failure is { } error)
        {
            throw new AggregateException("A kernel task failed.", error);
        }
    }

    private void RunTasks()
    {
        IParallelWork job = work!;
        int t;
        while ((t = Interlocked.Increment(ref nextTask) - 1) < taskCount)
        {
            try
            {
                job.Run(t);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }
    }

    private void WorkerLoop()
    {
        int seen = 0; // generation's initial value: a job posted before this thread starts is still seen
        while (true)
        {
            long spinUntil = Stopwatch.GetTimestamp() + SpinTicks;
            int current;
            while ((current = Volatile.Read(ref generation)) == seen)
            {
                if (stopping)
                {
                    return;
                }

                if (Stopwatch.GetTimestamp() < spinUntil)
                {
                    Thread.SpinWait(20);
                    continue;
                }

                lock (sleepLock)
                {
                    Interlocked.Increment(ref sleepers);
                    while (Volatile.Read(ref generation) == seen && !stopping)
                    {
                        Monitor.Wait(sleepLock);
                    }

                    Interlocked.Decrement(ref sleepers);
                }
            }

            seen = current;
            if (stopping)
            {
                return;
            }

            RunTasks();
            Interlocked.Decrement(ref pending);
        }
    }
}
