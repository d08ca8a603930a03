using System.Globalization;

namespace Kindling.Bench.Workloads;

/// <summary>What one workload run trains: the same knobs as <c>tools/reference/bench_torch.py</c>.</summary>
/// <remarks>
/// Presets (issue 7): <c>seed</c> = WineQT, 11-16-16-6, 100 full-batch epochs, Adam 0.01;
/// <c>splus</c> = the seed with hidden 64,32 and batch 32; <c>m</c> = the generated 200,000×50 CSV
/// (bench/gen_m.py), 50-256-256-10, batch 256, Adam 1e-3, 2 epochs; <c>gemm</c> = square sgemm;
/// <c>csv</c> = read and prepare a CSV as <c>kindling train</c> does (target 'label', test size 0.2).
/// Any option given after the preset overrides it.
/// </remarks>
internal sealed record WorkloadOptions
{
    public required string Workload { get; init; }
    public string? Data { get; init; }
    public string Target { get; init; } = "quality";
    public string Drop { get; init; } = "Id";
    public int[] Hidden { get; init; } = [16, 16];
    public int Epochs { get; init; } = 100;
    public double Lr { get; init; } = 0.01;
    public int BatchSize { get; init; }
    public double TestSize { get; init; } = 0.2;
    public int Seed { get; init; } = 42;
    public int Threads { get; init; }
    public bool BareLoop { get; init; }
    public int GemmSize { get; init; } = 1024;
    public int Repeats { get; init; } = 7;

    public static WorkloadOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            throw new ArgumentException("usage: workload seed|splus|m|gemm|profile|csv [--data CSV] [--hidden 16,16] [--epochs N] [--lr X] " +
                "[--batch-size N] [--threads N] [--bare] [--size N] [--repeats N] [--json]");
        var o = Preset(args[0]);
        for (int i = 1; i < args.Length; i++)
        {
            string name = args[i];
            if (name == "--json") continue;            // the only output format; accepted for symmetry with the CLI
            if (name == "--bare") { o = o with { BareLoop = true }; continue; }
            if (i + 1 >= args.Length) throw new ArgumentException($"option {name} needs a value");
            string v = args[++i];
            o = name switch
            {
                "--data" => o with { Data = v },
                "--target" => o with { Target = v },
                "--drop" => o with { Drop = v },
                "--hidden" => o with { Hidden = Array.ConvertAll(v.Split(',', StringSplitOptions.RemoveEmptyEntries), Int) },
                "--epochs" => o with { Epochs = Int(v) },
                "--lr" => o with { Lr = double.Parse(v, CultureInfo.InvariantCulture) },
                "--batch-size" => o with { BatchSize = Int(v) },
                "--test-size" => o with { TestSize = double.Parse(v, CultureInfo.InvariantCulture) },
                "--seed" => o with { Seed = Int(v) },
                "--threads" => o with { Threads = Int(v) },
                "--size" => o with { GemmSize = Int(v) },
                "--repeats" => o with { Repeats = Int(v) },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        return o;
    }

    static WorkloadOptions Preset(string name) => name switch
    {
        "seed" => new WorkloadOptions { Workload = name },
        "splus" => new WorkloadOptions { Workload = name, Hidden = [64, 32], BatchSize = 32 },
        "m" => new WorkloadOptions
        {
            Workload = name,
            Target = "label",
            Drop = "",
            Hidden = [256, 256],
            Epochs = 2,
            Lr = 1e-3,
            BatchSize = 256,
            TestSize = 0,
        },
        "csv" => new WorkloadOptions { Workload = name, Target = "label", Drop = "" },
        "gemm" or "profile" => new WorkloadOptions { Workload = name },
        _ => throw new ArgumentException($"unknown workload '{name}': seed, splus, m, gemm, profile or csv"),
    };

    static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
