using Kindling.Kernels;

namespace Kindling.Tests.Tensors;

/// <summary>Elementwise ops large enough to run on the kernel pool give the serial path's values, bit for bit.</summary>
public sealed class ParallelElementwiseTests
{
    private const int Rows = 300, Cols = 257;   // 77,100 elements: several chunks, a ragged last one

    [Fact]
    public void UnaryMapAndBinary_TwoThreads_EqualOneThreadBitForBit()
    {
        var random = new System.Random(3);
        var a = new float[Rows * Cols];
        var b = new float[Rows * Cols];
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = (float)((random.NextDouble() * 2) - 1);
            b[i] = (float)((random.NextDouble() * 2) - 1);
        }

        a[5] = float.NaN;
        Tensor ta = Tensor.FromArray(a, Rows, Cols), tb = Tensor.FromArray(b, Rows, Cols);
        Func<Tensor>[] ops =
        [
            () => ta.Relu(),
            () => ta.Sigmoid(),
            () => ta.Pow(3.0),
            () => ta + tb,
            () => ta * tb,
            () => ta * 2.5,
            () => ta.T.Relu(),   // a strided input: made contiguous first
        ];
        try
        {
            foreach (var op in ops)
            {
                KernelThreads.ForcedForThisThread = 1;
                float[] serial = op().Span<float>().ToArray();
                KernelThreads.ForcedForThisThread = 2;
                float[] parallel = op().Span<float>().ToArray();
                Assert.True(serial.AsSpan().SequenceEqual(parallel));
            }
        }
        finally
        {
            KernelThreads.ForcedForThisThread = 0;
        }
    }

    [Fact]
    public void Relu_TwoThreads_MatchesTheDefinition()
    {
        var values = new float[Rows * Cols];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (i % 7) - 3.5f;
        }

        try
        {
            KernelThreads.ForcedForThisThread = 2;
            float[] relu = Tensor.FromArray(values, Rows, Cols).Relu().Span<float>().ToArray();
            for (int i = 0; i < values.Length; i++)
            {
                Assert.Equal(Math.Max(values[i], 0f), relu[i]);
            }
        }
        finally
        {
            KernelThreads.ForcedForThisThread = 0;
        }
    }
}
