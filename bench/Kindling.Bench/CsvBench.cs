using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Kindling.Data;

namespace Kindling.Bench;

/// <summary>
/// Reads and standardises the 1,000,000 × 20 numeric CSV that bench/csv_pandas.py generates (run it
/// first; same file), side by side with pandas.read_csv + StandardScaler:
/// <c>dotnet run -c Release --project bench/Kindling.Bench -- --filter '*CsvBench*'</c>.
/// The cleanup prints the process's peak working set against the float32 matrix size.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[MemoryDiagnoser]
public class CsvBench
{
    /// <summary>The CSV (override with KINDLING_CSV_BENCH).</summary>
    public static string Path => Environment.GetEnvironmentVariable("KINDLING_CSV_BENCH") ?? "/tmp/kindling_csv_1m_20.csv";

    long _matrixBytes;

    [Benchmark]
    public float ReadAndStandardise()
    {
        var matrix = Csv.ReadNumeric(Path);
        StandardScaler.FitTransform(matrix);
        _matrixBytes = (long)matrix.Data.Length * sizeof(float);
        return matrix.Data[^1];
    }

    [IterationCleanup]
    public void Collect() => GC.Collect();

    [GlobalCleanup]
    public void Report()
    {
        long peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"// CsvBench peak working set {peak / 1048576.0:F0} MiB = {(double)peak / _matrixBytes:F2}x the float32 matrix ({_matrixBytes / 1048576.0:F0} MiB)");
    }
}
