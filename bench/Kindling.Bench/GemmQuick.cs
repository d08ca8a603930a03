using System.Diagnostics;
using Kindling.Kernels;

namespace Kindling.Bench;

/// <summary>A fast Stopwatch measurement of GEMM throughput for a busy machine where a full BenchmarkDotNet
/// run takes too long: best and median GFLOP/s over repeated timed runs, 1 and 2 threads.</summary>
/// <remarks>Run: dotnet run -c Release --project bench/Kindling.Bench -- --gemm-quick [repeats] [sizes]</remarks>
internal static class GemmQuick
{
    public static void Run(string[] args)
    {
        int repeats = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 9;
        int[] sizes = args.Length > 1 ? Array.ConvertAll(args[1].Split(','), s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)) : [64, 256, 1024, 2048];
        Console.WriteLine($"path {Gemm.Path}, {Environment.ProcessorCount} processors, {repeats} timed runs each");
        // cpu_gflops: flops per second of process CPU time (all threads), a steadier figure when other work shares
        // the cores: wall-clock rates drop when the scheduler runs someone else, CPU-time rates mostly do not.
        Console.WriteLine("size\tthreads\tbest_gflops\tmedian_gflops\tcpu_gflops");
        foreach (int threads in new[] { 1, 2 })
        {
            Torch.SetNumThreads(threads);
            foreach (int n in sizes)
            {
                float[] a = GemmData.Random(n * n, 1), b = GemmData.Random(n * n, 2), c = new float[n * n];
                double flops = 2.0 * n * n * n;
                int inner = (int)Math.Max(1, 5e8 / flops);
                TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var rates = Measure(repeats, inner, flops, () => Gemm.Sgemm(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n));
                double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                double calls = (repeats * inner) + Math.Max(3, inner);
                Console.WriteLine($"{n}\t{threads}\t{rates[^1]:F1}\t{rates[rates.Length / 2]:F1}\t{calls * flops / cpuSeconds / 1e9:F1}");
            }
        }

        Console.WriteLine("seed shape (m×n×k, op)\tthreads\tbest_us\tmedian_us\tcpu_us");
        var seed = new GemmSeedBenchmarks();
        foreach (int threads in new[] { 1, 2 })
        {
            seed.Threads = threads;
            seed.Setup();
            foreach (var (name, action) in new (string, Action)[]
            {
                ("914x16x11 fwd", seed.Forward914x11x16), ("914x16x16 fwd", seed.Forward914x16x16),
                ("914x6x16 fwd", seed.Forward914x16x6), ("914x16x6 dX", seed.BackwardInput914x6x16),
                ("6x16x914 dW", seed.BackwardWeight6x16x914), ("16x11x914 dW", seed.BackwardWeight16x11x914),
            })
            {
                TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var rates = Measure(repeats, 2000, 1e6, action); // "GFLOP/s" of 1e6 flops per call: µs per call = 1e3 / rate
                double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                Console.WriteLine($"{name}\t{threads}\t{1e3 / rates[^1]:F2}\t{1e3 / rates[rates.Length / 2]:F2}\t{cpuSeconds * 1e6 / (2000 * (repeats + 1)):F2}");
            }
        }
    }

    /// <summary>Sorted rates (flops/ns = GFLOP/s) of <paramref name="repeats"/> runs of <paramref name="inner"/> calls.</summary>
    private static double[] Measure(int repeats, int inner, double flops, Action action)
    {
        for (int w = 0; w < Math.Max(3, inner); w++)
        {
            action();
        }

        var rates = new double[repeats];
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < inner; i++)
            {
                action();
            }

            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds / inner;
            rates[r] = flops / seconds / 1e9;
        }

        Array.Sort(rates);
        return rates;
    }
}
