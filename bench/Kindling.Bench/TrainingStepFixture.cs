using Kindling.Bench.Workloads;
using Kindling.Nn;
using Kindling.Optim;

namespace Kindling.Bench;

/// <summary>A model, its data and optimizer, and the seed's step: ZeroGrad, Call, CrossEntropy, Backward, Step.</summary>
internal sealed class TrainingStepFixture
{
    readonly Sequential model;
    readonly CrossEntropyLoss criterion = new();
    readonly Adam optimizer;
    readonly Tensor x, y;

    public TrainingStepFixture(Tensor x, Tensor y, int[] hidden, int classes, double lr)
    {
        this.x = x;
        this.y = y;
        model = Mlp.Create(x.Size(1), hidden, classes, seed: 42);
        optimizer = new Adam(model.Parameters(), lr: lr);
    }

    /// <summary>The seed's training data: WineQT, train_test_split(test_size=0.2, random_state=42) → 914×11.</summary>
    public static TrainingStepFixture Seed(int[] hidden)
    {
        var data = WorkloadData.Load(new WorkloadOptions { Workload = "seed" });
        return new TrainingStepFixture(data.XTrain, data.YTrain, hidden, data.Classes, lr: 0.01);
    }

    /// <summary>One M-workload batch (256×50, 10 classes) of fixed random values.</summary>
    public static TrainingStepFixture MBatch()
    {
        var random = new System.Random(0);
        var x = new float[256 * 50];
        var y = new long[256];
        for (int i = 0; i < x.Length; i++) x[i] = (float)((random.NextDouble() * 2) - 1);
        for (int i = 0; i < y.Length; i++) y[i] = random.Next(10);
        return new TrainingStepFixture(Tensor.FromArray(x, 256, 50), Tensor.FromArray(y, 256), [256, 256], 10, lr: 1e-3);
    }

    /// <summary>One step split into its phases, each timed (Stopwatch ticks added to <paramref name="ticks"/>:
    /// zero_grad, forward, loss, backward, optimizer step).</summary>
    public void TimedStep(long[] ticks)
    {
        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        optimizer.ZeroGrad();
        long t1 = System.Diagnostics.Stopwatch.GetTimestamp();
        var output = model.Call(x);
        long t2 = System.Diagnostics.Stopwatch.GetTimestamp();
        var loss = criterion.Call(output, y);
        long t3 = System.Diagnostics.Stopwatch.GetTimestamp();
        loss.Backward();
        long t4 = System.Diagnostics.Stopwatch.GetTimestamp();
        optimizer.Step();
        long t5 = System.Diagnostics.Stopwatch.GetTimestamp();
        ticks[0] = t1 - t0;
        ticks[1] = t2 - t1;
        ticks[2] = t3 - t2;
        ticks[3] = t4 - t3;
        ticks[4] = t5 - t4;
    }

    /// <summary>One optimisation step; returns the loss tensor (its value is not read, as <c>loss.item()</c> is outside the step).</summary>
    public Tensor Step()
    {
        optimizer.ZeroGrad();
        var loss = criterion.Call(model.Call(x), y);
        loss.Backward();
        optimizer.Step();
        return loss;
    }
}
