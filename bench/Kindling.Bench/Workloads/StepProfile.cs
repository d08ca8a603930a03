using System.Diagnostics;
using System.Text.Json;

namespace Kindling.Bench.Workloads;

/// <summary>Where a training step's time goes: each phase's minimum and median over many steps (the minimum is the
/// steadiest figure when other processes share the cores), for the seed step and one M batch.</summary>
/// <remarks>Run: <c>... workload profile [--threads N] [--repeats STEPS]</c>.</remarks>
internal static class StepProfile
{
    static readonly string[] Phases = ["zero_grad", "forward", "loss", "backward", "step", "total"];

    public static void Run(WorkloadOptions o, Utf8JsonWriter json)
    {
        int steps = Math.Max(50, o.Repeats);
        Profile("seed", TrainingStepFixture.Seed([16, 16]), steps, json);
        Profile("m_batch", TrainingStepFixture.MBatch(), steps, json);
    }

    static void Profile(string name, TrainingStepFixture fixture, int steps, Utf8JsonWriter json)
    {
        var ticks = new long[5];
        var samples = new double[Phases.Length][];
        for (int p = 0; p < samples.Length; p++) samples[p] = new double[steps];
        for (int i = 0; i < 30; i++) fixture.TimedStep(ticks);   // warm-up: JIT tiers, buffers
        long allocated = GC.GetTotalAllocatedBytes(true);
        for (int s = 0; s < steps; s++)
        {
            fixture.TimedStep(ticks);
            long total = 0;
            for (int p = 0; p < ticks.Length; p++)
            {
                samples[p][s] = ticks[p] * 1e6 / Stopwatch.Frequency;
                total += ticks[p];
            }
            samples[^1][s] = total * 1e6 / Stopwatch.Frequency;
        }
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        json.WritePropertyName(name);
        json.WriteStartObject();
        json.WriteNumber("alloc_bytes_per_step", (double)allocated / steps);
        for (int p = 0; p < Phases.Length; p++)
        {
            Array.Sort(samples[p]);
            json.WriteString(Phases[p] + "_us", $"min {samples[p][0]:F1} median {samples[p][steps / 2]:F1}");
        }
        json.WriteEndObject();
    }
}
