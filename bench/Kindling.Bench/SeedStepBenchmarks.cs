using BenchmarkDotNet.Attributes;

namespace Kindling.Bench;

/// <summary>One full-batch training step of the seed (914×11, 11-16-16-6, Adam 0.01) and of the M workload
/// (batch 256, 50-256-256-10, Adam 1e-3), with allocations per step (issue 7: zero after warm-up).</summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Kindling.Bench -- --filter *SeedStep*</c></remarks>
[MemoryDiagnoser]
[ShortRunJob]
public class SeedStepBenchmarks
{
    TrainingStepFixture seed = null!, m = null!;

    /// <summary>Kernel threads (the machine has two cores).</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Torch.SetNumThreads(Threads);
        seed = TrainingStepFixture.Seed([16, 16]);
        m = TrainingStepFixture.MBatch();
    }

    /// <summary>ZeroGrad, Call, CrossEntropy, Backward, Step on 914×11 with 11-16-16-6.</summary>
    [Benchmark(Baseline = true)]
    public Tensor SeedStep() => seed.Step();

    /// <summary>The same step for one 256-row batch of the M workload (50-256-256-10).</summary>
    [Benchmark]
    public Tensor MStep() => m.Step();
}
