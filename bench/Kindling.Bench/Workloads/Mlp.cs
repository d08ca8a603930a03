using Kindling.Nn;

namespace Kindling.Bench.Workloads;

/// <summary>The seed's model family: Linear layers with ReLU between them, initialised as the seed does
/// (<c>torch.manual_seed(seed)</c>, then <c>model.apply(reset_parameters)</c>).</summary>
internal static class Mlp
{
    public static Sequential Create(int inputs, int[] hidden, int classes, int seed)
    {
        int[] sizes = [inputs, .. hidden, classes];
        var model = new Sequential();
        for (int i = 0; i + 1 < sizes.Length; i++)
        {
            model.Append(new Linear(sizes[i], sizes[i + 1]));
            if (i + 2 < sizes.Length) model.Append(new ReLU());
        }
        Torch.ManualSeed(seed);
        model.Apply(m => m.ResetParameters());
        return model;
    }

    /// <summary>Floating-point operations of the matrix products one epoch computes: per Linear (in → out) and row,
    /// 2·in·out forward, 2·in·out for dW, and 2·in·out for dX except at the first layer, whose input needs no gradient.</summary>
    public static double EpochFlops(int rows, int inputs, int[] hidden, int classes)
    {
        int[] sizes = [inputs, .. hidden, classes];
        double perRow = 0;
        for (int i = 0; i + 1 < sizes.Length; i++)
            perRow += 2.0 * sizes[i] * sizes[i + 1] * (i == 0 ? 2 : 3);
        return perRow * rows;
    }
}
