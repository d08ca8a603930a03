using BenchmarkDotNet.Attributes;
using Kindling.Kernels;

namespace Kindling.Bench;

/// <summary>Square float32 products C = A·B at 64, 256, 1024 and 2048, on 1 and 2 threads.</summary>
/// <remarks>GFLOP/s = 2·n³ / mean time. Compare with bench/gemm_numpy.py (NumPy/OpenBLAS) on the same machine.
/// Run: dotnet run -c Release --project bench/Kindling.Bench -- --filter '*Gemm*'</remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class GemmSquareBenchmarks
{
    private float[] a = [], b = [], c = [];

    [Params(64, 256, 1024, 2048)]
    public int Size { get; set; }

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        a = GemmData.Random(Size * Size, 1);
        b = GemmData.Random(Size * Size, 2);
        c = new float[Size * Size];
        Torch.SetNumThreads(Threads);
    }

    [Benchmark]
    public void Sgemm() => Gemm.Sgemm(false, false, Size, Size, Size, 1f, a, Size, b, Size, 0f, c, Size);
}

/// <summary>The seed model's products (batch 914, layers 11-16-16-6) forward and backward.</summary>
/// <remarks>Forward: Y = X·Wᵀ + b (transB, fused bias and ReLU). Backward: dX = dY·W (mask-fused ReLU
/// backward) and dW = dYᵀ·X (transA).</remarks>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
public class GemmSeedBenchmarks
{
    private const int Batch = 914;
    private float[] x11 = [], h16 = [], h16b = [], out6 = [], w16x11 = [], w16x16 = [], w6x16 = [], bias16 = [], bias6 = [];
    private float[] dW16x11 = [], dW6x16 = [], dX16 = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        x11 = GemmData.Random(Batch * 11, 1);
        h16 = GemmData.Random(Batch * 16, 2);
        h16b = new float[Batch * 16];
        out6 = GemmData.Random(Batch * 6, 3);
        w16x11 = GemmData.Random(16 * 11, 4);
        w16x16 = GemmData.Random(16 * 16, 5);
        w6x16 = GemmData.Random(6 * 16, 6);
        bias16 = GemmData.Random(16, 7);
        bias6 = GemmData.Random(6, 8);
        dW16x11 = new float[16 * 11];
        dW6x16 = new float[6 * 16];
        dX16 = new float[Batch * 16];
        Torch.SetNumThreads(Threads);
    }

    /// <summary>914×11 · (16×11)ᵀ + b, ReLU.</summary>
    [Benchmark]
    public void Forward914x11x16() => Gemm.Sgemm(false, true, Batch, 16, 11, 1f, x11, 11, w16x11, 11, 0f, h16b, 16, bias16, Epilogue.Relu);

    /// <summary>914×16 · (16×16)ᵀ + b, ReLU.</summary>
    [Benchmark]
    public void Forward914x16x16() => Gemm.Sgemm(false, true, Batch, 16, 16, 1f, h16, 16, w16x16, 16, 0f, h16b, 16, bias16, Epilogue.Relu);

    /// <summary>914×16 · (6×16)ᵀ + b (logits).</summary>
    [Benchmark]
    public void Forward914x16x6() => Gemm.Sgemm(false, true, Batch, 6, 16, 1f, h16, 16, w6x16, 16, 0f, out6, 6, bias6);

    /// <summary>dX = dY(914×6) · W(6×16), times [H &gt; 0].</summary>
    [Benchmark]
    public void BackwardInput914x6x16() => Gemm.Sgemm(false, false, Batch, 16, 6, 1f, out6, 6, w6x16, 16, 0f, dX16, 16, default, Epilogue.ReluMask, h16);

    /// <summary>dW = dY(914×6)ᵀ · H(914×16).</summary>
    [Benchmark]
    public void BackwardWeight6x16x914() => Gemm.Sgemm(true, false, 6, 16, Batch, 1f, out6, 6, h16, 16, 0f, dW6x16, 16);

    /// <summary>dW = dY(914×16)ᵀ · X(914×11).</summary>
    [Benchmark]
    public void BackwardWeight16x11x914() => Gemm.Sgemm(true, false, 16, 11, Batch, 1f, h16, 16, x11, 11, 0f, dW16x11, 11);
}

/// <summary>Deterministic benchmark inputs.</summary>
internal static class GemmData
{
    public static float[] Random(int count, int seed)
    {
        var random = new System.Random(seed);
        var data = new float[count];
        for (int i = 0; i < count; i++)
        {
            data[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return data;
    }
}
