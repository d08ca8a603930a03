using Kindling.Data;
using Kindling.Nn;
using Kindling.Training.Metrics;

namespace Kindling.Cli.Commands;

/// <summary>The next chapter's evaluation: eval mode, no gradients, predictions on held-out rows, and every metric.</summary>
static class Evaluation
{
    public static ClassificationReport Report(Module model, Tensor x, Tensor y, LabelEncoder labels)
    {
        model.Eval();
        using (Torch.NoGrad())
        {
            var probabilities = model.Call(x).Softmax(1);
            int n = probabilities.Size(0), c = probabilities.Size(1);
            var p = new float[n, c];
            Buffer.BlockCopy(probabilities.ToArray<float>(), 0, p, 0, n * c * sizeof(float));
            return Report(p, y.ToArray<long>().Select(v => (int)v).ToArray(), labels);
        }
    }

    public static ClassificationReport Report(float[,] probabilities, int[] yTrue, LabelEncoder labels)
    {
        int[] yPred = Training.Runs.SavedModel.ArgMax(probabilities);
        return ClassificationReport.Create(yTrue, yPred, labels.Count, probabilities, labels.Classes);
    }
}
