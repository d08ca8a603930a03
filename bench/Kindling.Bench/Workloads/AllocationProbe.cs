using Kindling.Training;

namespace Kindling.Bench.Workloads;

/// <summary>Counts bytes allocated inside training steps (from <c>OnBatchBegin</c> to <c>OnBatchEnd</c>) after the
/// first epoch, when every buffer a step needs has been made once; and all bytes allocated after the first epoch.</summary>
/// <remarks>Per step it reads the training thread's own counter (<c>GC.GetAllocatedBytesForCurrentThread</c>): exact and
/// cheap. <c>GC.GetTotalAllocatedBytes(precise: true)</c>, which counts every thread, suspends the runtime to read the
/// other threads' allocation contexts — 20-40 µs per call while the kernel pool's workers spin, twice a step, which
/// made the 2-thread runs measure the probe. Every thread (the kernel pool too) is therefore counted once per epoch
/// instead: <see cref="AllThreadsBytesPerStep"/>, whose per-epoch work (the shuffle, the epoch record) is spread over
/// the steps.</remarks>
internal sealed class AllocationProbe : TrainerCallback
{
    long stepStart, epochStart, afterFirstEpoch = -1, allThreadsBytes;

    public long StepBytes { get; private set; }
    public int Steps { get; private set; }
    public int StepsAfterFirstEpoch { get; private set; }
    public long BytesAfterFirstEpoch => afterFirstEpoch < 0 ? 0 : GC.GetTotalAllocatedBytes(true) - afterFirstEpoch;

    /// <summary>Bytes allocated by all threads during epochs after the first, per step of those epochs.</summary>
    public double AllThreadsBytesPerStep => StepsAfterFirstEpoch == 0 ? double.NaN : (double)allThreadsBytes / StepsAfterFirstEpoch;

    public override void OnEpochBegin(Trainer trainer, int epoch)
    {
        if (epoch > 1) epochStart = GC.GetTotalAllocatedBytes(true);
    }

    public override void OnBatchBegin(Trainer trainer, int epoch, int step)
    {
        if (epoch > 1) stepStart = GC.GetAllocatedBytesForCurrentThread();
    }

    public override void OnBatchEnd(Trainer trainer, int epoch, int step, double loss)
    {
        Steps++;
        if (epoch == 1) return;
        StepBytes += GC.GetAllocatedBytesForCurrentThread() - stepStart;
        StepsAfterFirstEpoch++;
    }

    public override void OnEpochEnd(Trainer trainer, EpochRecord record)
    {
        if (record.Epoch == 1) afterFirstEpoch = GC.GetTotalAllocatedBytes(true);
        else allThreadsBytes += GC.GetTotalAllocatedBytes(true) - epochStart;
    }
}
