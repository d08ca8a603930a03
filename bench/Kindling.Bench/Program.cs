using BenchmarkDotNet.Running;

// `workload ...` runs one training workload once and prints a JSON line (bench/compare.sh reads it);
// `--gemm-quick` is the kernels' Stopwatch GEMM measurement; `--m-products` times the M step's eight products at 1
// and 2 threads; anything else goes to BenchmarkDotNet (e.g. `--filter *SeedStep*`).
if (args is ["workload", ..])
{
    return Kindling.Bench.Workloads.WorkloadRunner.Run(args[1..]);
}

if (args is ["--m-products", ..])
{
    Kindling.Bench.MStepProducts.Run(args[1..]);
    return 0;
}

if (args is ["--gemm-quick", ..])
{
    Kindling.Bench.GemmQuick.Run(args[1..]);
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
