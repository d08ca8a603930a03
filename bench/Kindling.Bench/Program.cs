using BenchmarkDotNet.Running;

if (args is ["--gemm-quick", ..])
{
    Kindling.Bench.GemmQuick.Run(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
