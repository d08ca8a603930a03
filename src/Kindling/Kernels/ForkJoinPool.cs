using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Kindling.Kernels;

/// <summary>A small fork-join pool: the caller plus (threads − 1) workers share the tasks of one job, then
/// the caller waits for the workers that joined.</summary>
/// <remarks>
/// A training step issues many small products back to back, so workers spin about 500 µs after a job (the
/// next one usually arrives within that window, even across the optimizer step and the loop's own work between
/// steps; waking a blocked thread costs tens of µs, more on a virtual machine whose idle vCPU has halted) and then
/// block, so an idle process uses no CPU. Tasks are handed out by an atomic counter; which thread runs a task never
/// changes its result.
/// Each worker has a state word: the caller marks every worker Requested, runs tasks itself, then takes back
/// (Requested → Idle) each worker that has not started — a worker descheduled on a busy machine therefore never
/// delays the caller — and waits only for workers that are Running. A worker starts only by winning
/// Requested → Running, so it never sees a job that is not fully published or already finished.
/// Jobs from several callers at once: the one that does not get the pool runs its tasks itself. No allocation
/// per job.
/// </remarks>
internal sealed class ForkJoinPool
{
    private const int Idle = 0, Requested = 1, Running = 2;

    private static readonly object CreateLock = new();
    private static readonly long SpinTicks = Stopwatch.Frequency / 2000; // 500 µs of spinning
    private static readonly long MaxSpinStepTicks = Stopwatch.Frequency / 50000; // 20 µs
    private static ForkJoinPool? shared;

    /// <summary>True on a thread while it runs a job's tasks: a kernel called from inside a task (a nested loop)
    /// runs serially rather than re-entering the pool (its lock is re-entrant, its job slot is not).</summary>
    [ThreadStatic]
    private static bool inJob;

    private readonly object gate = new();
    private readonly object sleepLock = new();
    private readonly WorkerState[] states;
    private IParallelWork? work;
    private int taskCount;
    private int nextTask;
    private int sleepers;
    private volatile bool stopping;
    private Exception? failure;

    private ForkJoinPool(int workers)
    {
        states = new WorkerState[workers];
        for (int w = 0; w < workers; w++)
        {
            int index = w;
            var thread = new Thread(() => WorkerLoop(index)) { IsBackground = true, Name = $"Kindling kernel worker {w + 1}" };
            thread.Start();
        }
    }

    /// <summary>Whether the calling thread is running a task of some job (kernels called there run serially).</summary>
    public static bool InJob => inJob;

    /// <summary>Runs tasks 0..<paramref name="tasks"/>−1 of <paramref name="job"/> on up to
    /// <paramref name="threads"/> threads (the caller included) and returns when all are done.</summary>
    public static void Run(IParallelWork job, int tasks, int threads)
    {
        int helpers = Math.Min(threads, tasks) - 1;
        if (helpers <= 0 || inJob)
        {
            RunSerial(job, tasks);
            return;
        }

        // The pool is sized by the thread setting, not by this job, so jobs of varying size reuse it.
        ForkJoinPool pool = Acquire(threads - 1);
        if (!Monitor.TryEnter(pool.gate))
        {
            RunSerial(job, tasks);
            return;
        }

        try
        {
            if (pool.stopping)
            {
                // Retired by a thread-count change after this caller picked it up.
                RunSerial(job, tasks);
                return;
            }

            pool.Execute(job, tasks, helpers);
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
        if (pool is not null && pool.states.Length == workers)
        {
            return pool;
        }

        lock (CreateLock)
        {
            pool = shared;
            if (pool is null || pool.states.Length != workers)
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

    private void Execute(IParallelWork job, int tasks, int helpers)
    {
        work = job;
        taskCount = tasks;
        failure = null;
        nextTask = 0;
        for (int w = 0; w < helpers; w++)
        {
            Interlocked.Exchange(ref states[w].Value, Requested); // full fence: the job above is published first
        }

        if (Volatile.Read(ref sleepers) > 0)
        {
            lock (sleepLock)
            {
                Monitor.PulseAll(sleepLock);
            }
        }

        RunTasks();
        for (int w = 0; w < helpers; w++)
        {
            if (Interlocked.CompareExchange(ref states[w].Value, Idle, Requested) == Requested)
            {
                continue; // never started: taken back
            }

            var spin = new SpinWait();
            while (Volatile.Read(ref states[w].Value) != Idle)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }
        }

        work = null;
        if (failure is { } error)
        {
            // The task's own exception, as the serial path throws it: behaviour never depends on the thread count.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }
    }

    private void RunTasks()
    {
        IParallelWork job = work!;
        int t;
        inJob = true;
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

        inJob = false;
    }

    private void WorkerLoop(int index)
    {
        ref int state = ref states[index].Value;
        while (!stopping)
        {
            // The budget counts time spent spinning, not wall time: a gap longer than MaxSpinStepTicks between two
            // looks at the clock is the thread being descheduled (a busy machine, a runtime suspension), and a
            // worker that has just got its core back should take the next job, not go to sleep.
            long spun = 0, last = Stopwatch.GetTimestamp();
            int spins = 0;
            while (Volatile.Read(ref state) != Requested && !stopping)
            {
                if (spun < SpinTicks)
                {
                    // A yield now and then hands the core to another runnable thread (the runtime's background
                    // compiler during warm-up) instead of spinning against it; with none waiting it costs ~1 µs.
                    if ((++spins & 15) == 0) Thread.Yield();
                    else Thread.SpinWait(20);
                    long now = Stopwatch.GetTimestamp();
                    spun += Math.Min(now - last, MaxSpinStepTicks);
                    last = now;
                    continue;
                }

                lock (sleepLock)
                {
                    Interlocked.Increment(ref sleepers);
                    while (Volatile.Read(ref state) != Requested && !stopping)
                    {
                        Monitor.Wait(sleepLock);
                    }

                    Interlocked.Decrement(ref sleepers);
                }
            }

            if (Interlocked.CompareExchange(ref state, Running, Requested) == Requested)
            {
                RunTasks();
                Volatile.Write(ref state, Idle);
            }
        }
    }

    /// <summary>One worker's state word, padded to its own cache line: workers spin on it.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct WorkerState
    {
        [FieldOffset(64)]
        public int Value;
    }
}
