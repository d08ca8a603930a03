using Kindling.Training;

namespace Kindling.Bench.Workloads;

/// <summary>Counts bytes allocated inside training steps (from <c>OnBatchBegin</c> to <c>OnBatchEnd</c>) after the
/// first epoch, when every buffer a step needs has been made once; and all bytes allocated after the first epoch.</summary>
/// <remarks><c>GC.GetTotalAllocatedBytes(precise: true)</c> counts every thread, so work done on the kernel pool counts too.</remarks>
internal sealed class AllocationProbe : TrainerCallback
{
    long stepStart, afterFirstEpoch = -1;

    public long StepBytes { get; private set; }
    public int Steps { get; private set; }
    public int StepsAfterFirstEpoch { get; private set; }
    public long BytesAfterFirstEpoch => afterFirstEpoch < 0 ? 0 : GC.GetTotalAllocatedBytes(true) - afterFirstEpoch;

    public override void OnBatchBegin(Trainer trainer, int epoch, int step)
    {
        if (epoch > 1) stepStart = GC.GetTotalAllocatedBytes(true);
    }

    public override void OnBatchEnd(Trainer trainer, int epoch, int step, double loss)
    {
        Steps++;
        if (epoch == 1) return;
        StepBytes += GC.GetTotalAllocatedBytes(true) - stepStart;
        StepsAfterFirstEpoch++;
    }

    public override void OnEpochEnd(Trainer trainer, EpochRecord record)
    {
        if (record.Epoch == 1) afterFirstEpoch = GC.GetTotalAllocatedBytes(true);
    }
}
