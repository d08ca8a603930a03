using BenchmarkDotNet.Running;

// `workload ...` runs one training workload once and prints a JSON line (bench/compare.sh reads it);
// anything else goes to BenchmarkDotNet (e.g. `--filter *SeedStep*`).
if (args is ["workload", ..])
    return Kindling.Bench.Workloads.WorkloadRunner.Run(args[1..]);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
