using System.Diagnostics;
using System.Text.Json;
using Kindling.Nn;
using Kindling.Optim;
using Kindling.Training;

namespace Kindling.Bench.Workloads;

/// <summary>Runs one workload once, through the library as a user would (Trainer, or the bare seed loop with
/// <c>--bare</c>), and prints one JSON line with the fields tools/reference/bench_torch.py prints.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Kindling.Bench -- workload seed|splus|m|gemm [options]</c>.
/// No warm-up: a user's one-shot run pays JIT and first-touch costs, and so does this measurement.</remarks>
internal static class WorkloadRunner
{
    public static int Run(string[] args)
    {
        WorkloadOptions o;
        try { o = WorkloadOptions.Parse(args); }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        if (o.Threads > 0) Torch.SetNumThreads(o.Threads);
        using var json = new Utf8JsonWriter(Console.OpenStandardOutput());
        json.WriteStartObject();
        json.WriteString("impl", "kindling");
        json.WriteString("workload", o.Workload);
        json.WriteNumber("threads", Torch.GetNumThreads());
        if (o.Workload == "gemm") GemmWorkload.Run(o, json);
        else if (o.Workload == "profile") StepProfile.Run(o, json);
        else if (o.Workload == "csv") CsvWorkload.Run(o, json);
        else Train(o, json);
        json.WriteNumber("peak_rss_mb", ProcessStats.PeakRssMiB() ?? double.NaN);
        json.WriteNumber("total_seconds", ProcessStats.SecondsSinceStart());
        json.WriteEndObject();
        json.Flush();
        Console.Out.WriteLine();
        return 0;
    }

    static void Train(WorkloadOptions o, Utf8JsonWriter json)
    {
        var data = WorkloadData.Load(o);
        int n = data.XTrain.Size(0), inputs = data.XTrain.Size(1);
        var model = Mlp.Create(inputs, o.Hidden, data.Classes, o.Seed);
        int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        List<double> losses, epochSeconds;
        long stepBytes;
        int measuredSteps;
        double allThreadsStepBytes = double.NaN;
        if (o.BareLoop)
        {
            (losses, epochSeconds, stepBytes, measuredSteps) = BareLoop.Train(model, data.XTrain, data.YTrain, o.Epochs, o.BatchSize, o.Lr);
        }
        else
        {
            var trainer = new Trainer(model, new CrossEntropyLoss(), new Adam(model.Parameters(), lr: o.Lr),
                new TrainerOptions { Epochs = o.Epochs, BatchSize = o.BatchSize });
            var probe = new AllocationProbe();
            trainer.Callbacks.Add(probe);
            var result = trainer.Fit(data.XTrain, data.YTrain);
            losses = result.History.Epochs.Select(r => r.TrainLoss).ToList();
            epochSeconds = result.History.Epochs.Select(r => r.Seconds).ToList();
            (stepBytes, measuredSteps) = (probe.StepBytes, probe.StepsAfterFirstEpoch);
            allThreadsStepBytes = probe.AllThreadsBytesPerStep;
        }
        double trainSeconds = clock.Elapsed.TotalSeconds;
        double trainCpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        double flops = Mlp.EpochFlops(n, inputs, o.Hidden, data.Classes) * o.Epochs;

        json.WriteString("loop", o.BareLoop ? "bare" : "trainer");
        json.WriteNumber("rows", n);
        json.WriteNumber("epochs", o.Epochs);
        json.WriteNumber("batch_size", o.BatchSize);
        json.WriteNumber("train_seconds", trainSeconds);
        json.WriteNumber("train_cpu_seconds", trainCpuSeconds);   // steadier than wall time when others share the cores
        json.WriteNumber("epoch_seconds_median", Median(epochSeconds));
        json.WritePropertyName("epoch_seconds");
        WriteArray(json, epochSeconds);
        json.WriteNumber("gflops", flops / trainSeconds / 1e9);
        json.WriteNumber("final_loss", losses.Count > 0 ? losses[^1] : double.NaN);
        if (data.XTest is not null) json.WriteNumber("test_accuracy", Accuracy(model, data.XTest, data.YTest!));
        if (measuredSteps > 0) json.WriteNumber("alloc_bytes_per_step", (double)stepBytes / measuredSteps);
        else json.WriteNull("alloc_bytes_per_step");
        // Every thread (the kernel pool too), counted per epoch after the first: includes the epoch's own work.
        if (double.IsFinite(allThreadsStepBytes)) json.WriteNumber("alloc_bytes_per_step_all_threads", allThreadsStepBytes);
        json.WriteNumber("gc_gen0", GC.CollectionCount(0) - gen0);
        json.WriteNumber("gc_gen1", GC.CollectionCount(1) - gen1);
        json.WriteNumber("gc_gen2", GC.CollectionCount(2) - gen2);
        json.WriteNumber("gc_pause_seconds", (GC.GetTotalPauseDuration() - pause).TotalSeconds);
        json.WritePropertyName("train_loss");
        WriteArray(json, losses.Count <= 10 ? losses : [losses[0], losses[^1]]);
    }

    static double Accuracy(Module model, Tensor x, Tensor y)
    {
        model.Eval();
        using (Torch.NoGrad())
            return (model.Call(x).ArgMax(1) == y).Float().Mean().Item();
    }

    static double Median(List<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    static void WriteArray(Utf8JsonWriter json, IEnumerable<double> values)
    {
        json.WriteStartArray();
        foreach (double v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }
}
