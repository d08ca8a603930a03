using Kindling.Data;
using Kindling.Nn;
using Kindling.Training.Runs;

namespace Kindling.Training.Tasks;

/// <summary>A regressor's forward pass turned into the target's units.</summary>
public static class RegressionOutputs
{
    /// <summary><c>model(x)</c> (N, 1) in eval mode without gradients, chunked as <see cref="SavedModel.Probabilities"/>,
    /// each float32 output widened to float64 and de-scaled: z · scale + mean.</summary>
    public static double[] Values(Module model, Tensor x, TargetScaler scaler)
    {
        model.Eval();
        using (Torch.NoGrad())
        {
            int n = x.Size(0);
            var result = new double[n];
            for (int start = 0; start == 0 || start < n; start += SavedModel.ChunkRows)
            {
                int rows = Math.Min(SavedModel.ChunkRows, n - start);
                var z = model.Call(n <= SavedModel.ChunkRows ? x : x.Narrow(0, start, rows));
                if (z.Dim != 2 || z.Size(1) != 1) throw new InvalidOperationException($"a regression model has one output, this one gives [{string.Join(", ", z.Shape)}]");
                var values = z.ToArray<float>();
                for (int i = 0; i < rows; i++) result[start + i] = scaler.InverseTransform(values[i]);
            }
            return result;
        }
    }
}
