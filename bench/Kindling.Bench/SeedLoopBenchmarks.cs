using BenchmarkDotNet.Attributes;

namespace Kindling.Bench;

/// <summary>The seed's whole training loop: 100 full-batch epochs (a fresh model each run, so every run trains
/// the same curve), to set beside <c>seed_program.py --json</c>'s <c>train_seconds</c>.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Kindling.Bench -- --filter *SeedLoop*</c></remarks>
[MemoryDiagnoser]
[ShortRunJob]
public class SeedLoopBenchmarks
{
    TrainingStepFixture fixture = null!;

    [IterationSetup]
    public void Setup() => fixture = TrainingStepFixture.Seed([16, 16]);

    /// <summary>100 steps of ZeroGrad, Call, CrossEntropy, Backward, Step, reading the loss each epoch as the seed does.</summary>
    [Benchmark]
    public double SeedLoop100()
    {
        double last = 0;
        for (int epoch = 0; epoch < 100; epoch++) last = fixture.Step().Item();
        return last;
    }
}
