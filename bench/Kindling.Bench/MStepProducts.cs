using System.Diagnostics;
using Kindling.Kernels;

namespace Kindling.Bench;

/// <summary>The eight matrix products of one M step (50-256-256-10, batch 256), each timed alone at 1 and 2 threads:
/// the quickest way to see whether the GEMM itself scales on the step's shapes.</summary>
/// <remarks>Run: <c>dotnet run -c Release --project bench/Kindling.Bench -- --m-products [repeats]</c>. Each line is
/// the fastest of the repeats (the steadiest figure on a shared machine); two rounds, so a load spike shows up.</remarks>
internal static class MStepProducts
{
    static readonly (string Name, bool TransA, bool TransB, int M, int N, int K)[] Shapes =
    [
        ("forward 1 (x·W1ᵀ)", false, true, 256, 256, 50),
        ("forward 2 (h1·W2ᵀ)", false, true, 256, 256, 256),
        ("forward 3 (h2·W3ᵀ)", false, true, 256, 10, 256),
        ("dX 3 (g·W3)", false, false, 256, 256, 10),
        ("dW 3 (gᵀ·h2)", true, false, 10, 256, 256),
        ("dX 2 (g·W2)", false, false, 256, 256, 256),
        ("dW 2 (gᵀ·h1)", true, false, 256, 256, 256),
        ("dW 1 (gᵀ·x)", true, false, 256, 50, 256),
    ];

    public static void Run(string[] args)
    {
        int repeats = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 400;
        float[] a = GemmData.Random(256 * 256, 1), b = GemmData.Random(256 * 256, 2), c = new float[256 * 256];
        Console.WriteLine($"path {Gemm.Path}, {Environment.ProcessorCount} processors, fastest of {repeats}");
        foreach (int threads in new[] { 1, 2, 1, 2 })
        {
            Torch.SetNumThreads(threads);
            double sum = 0;
            foreach (var (name, ta, tb, m, n, k) in Shapes)
            {
                int lda = ta ? m : k, ldb = tb ? k : n;
                double best = double.MaxValue;
                for (int i = 0; i < repeats; i++)
                {
                    long start = Stopwatch.GetTimestamp();
                    Gemm.Sgemm(ta, tb, m, n, k, 1f, a, lda, b, ldb, 0f, c, n);
                    best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
                sum += best;
                Console.WriteLine($"{threads} threads  {name,-20} {m,3}x{n,3}x{k,3}  {best,7:F1} us  {2.0 * m * n * k / best / 1e3,6:F1} GFLOP/s");
            }
            Console.WriteLine($"{threads} threads  all eight: {sum:F1} us");
        }
    }
}
