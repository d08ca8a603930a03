using Kindling.Data;
using Kindling.Nn;
using Kindling.Training.Metrics;
using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary>The next chapter's evaluation: eval mode, no gradients, predictions on held-out rows, and every metric.</summary>
static class Evaluation
{
    public static ClassificationReport Report(Module model, Tensor x, Tensor y, LabelEncoder labels) =>
        Report(SavedModel.Probabilities(model, x), y.ToArray<long>().Select(v => (int)v).ToArray(), labels);

    public static ClassificationReport Report(float[,] probabilities, int[] yTrue, LabelEncoder labels)
    {
        int[] yPred = SavedModel.ArgMax(probabilities);
        return ClassificationReport.Create(yTrue, yPred, labels.Count, probabilities, labels.Classes);
    }
}
