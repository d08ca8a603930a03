using Kindling.Kernels;
using Kindling.Nn;
using Kindling.Optim;

namespace Kindling.Tests.Kernels;

/// <summary>The M workload's step (50-256-256-10 ReLU MLP, batch 256, Adam) on 1, 2 and 3 threads: the weights after a
/// few steps are bit-identical, because every parallel kernel splits its work into fixed blocks.</summary>
public sealed class ThreadCountDeterminismTests
{
    [Fact]
    public void MlpTraining_OneTwoAndThreeThreads_SameWeightsBitForBit()
    {
        float[][]? expected = null;
        try
        {
            foreach (int threads in new[] { 1, 2, 3 })
            {
                KernelThreads.ForcedForThisThread = threads;
                float[][] weights = Train(steps: 4);
                expected ??= weights;
                for (int p = 0; p < weights.Length; p++)
                {
                    Assert.True(expected[p].AsSpan().SequenceEqual(weights[p]), $"parameter {p} differs between 1 and {threads} threads");
                }
            }
        }
        finally
        {
            KernelThreads.ForcedForThisThread = 0;
        }
    }

    private static float[][] Train(int steps)
    {
        // Values from a local generator, not Torch.ManualSeed: other test classes use the global generator concurrently.
        var random = new System.Random(20261204);
        var model = new Sequential(new Linear(50, 256), new ReLU(), new Linear(256, 256), new ReLU(), new Linear(256, 10));
        foreach (var p in model.Parameters())
        {
            var values = p.Span<float>();
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)((random.NextDouble() * 2) - 1) * 0.1f;
            }
        }

        var x = new float[256 * 50];
        var y = new long[256];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)((random.NextDouble() * 2) - 1);
        }

        for (int i = 0; i < y.Length; i++)
        {
            y[i] = random.Next(10);
        }

        Tensor xb = Tensor.FromArray(x, 256, 50), yb = Tensor.FromArray(y, 256);
        var optimizer = new Adam(model.Parameters(), lr: 1e-3);
        var criterion = new CrossEntropyLoss();
        for (int s = 0; s < steps; s++)
        {
            optimizer.ZeroGrad();
            criterion.Call(model.Call(xb), yb).Backward();
            optimizer.Step();
        }

        return model.Parameters().Select(p => p.Span<float>().ToArray()).ToArray();
    }
}
