using Kindling.Data;
using Kindling.Nn;
using Kindling.Training.Metrics;
using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary>The next chapter's evaluation: eval mode, no gradients, predictions on held-out rows, and every metric.</summary>
static class Evaluation
{
    public static ClassificationReport Report(Module model, Tensor x, Tensor y, LabelEncoder labels, double threshold = DecisionThreshold.Default) =>
        Report(SavedModel.Probabilities(model, x), y.ToArray<long>().Select(v => (int)v).ToArray(), labels, threshold);

    /// <summary>Labels by the decision threshold (the argmax unless a two-class model has another), then every metric.</summary>
    public static ClassificationReport Report(float[,] probabilities, int[] yTrue, LabelEncoder labels, double threshold = DecisionThreshold.Default)
    {
        int[] yPred = DecisionThreshold.Predict(probabilities, threshold);
        var report = ClassificationReport.Create(yTrue, yPred, labels.Count, probabilities, labels.Classes);
        return labels.Count == 2 ? report with { Threshold = threshold } : report;
    }
}
