using System.Diagnostics;
using System.Text.Json;
using Kindling.Kernels;

namespace Kindling.Bench.Workloads;

/// <summary>Square sgemm C = A·B through <c>Gemm.Sgemm</c>: the G row of the comparison, set beside NumPy/OpenBLAS
/// (bench/gemm_numpy.py) at the same size and thread count.</summary>
internal static class GemmWorkload
{
    public static void Run(WorkloadOptions o, Utf8JsonWriter json)
    {
        int n = o.GemmSize;
        float[] a = Fill(n * n, 1), b = Fill(n * n, 2), c = new float[n * n];
        double flops = 2.0 * n * n * n;
        int inner = (int)Math.Max(1, 5e8 / flops);   // ~50 ms per timed run, so the timer's resolution never matters
        for (int i = 0; i < Math.Max(2, inner); i++) Gemm.Sgemm(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n);
        var rates = new double[Math.Max(1, o.Repeats)];
        for (int r = 0; r < rates.Length; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < inner; i++) Gemm.Sgemm(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n);
            rates[r] = flops * inner / Stopwatch.GetElapsedTime(start).TotalSeconds / 1e9;
        }
        Array.Sort(rates);
        json.WriteNumber("size", n);
        json.WriteString("path", Gemm.Path.ToString());
        json.WriteNumber("gflops", rates[rates.Length / 2]);
        json.WriteNumber("gflops_best", rates[^1]);
    }

    static float[] Fill(int length, int seed)
    {
        var random = new System.Random(seed);
        var values = new float[length];
        for (int i = 0; i < length; i++) values[i] = (float)random.NextDouble();
        return values;
    }
}
