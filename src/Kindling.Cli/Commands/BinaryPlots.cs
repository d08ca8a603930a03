using Kindling.Training.Metrics;
using Kindling.Training.Plots;

namespace Kindling.Cli.Commands;

/// <summary>A two-class run's ROC and precision-recall curves of the test rows (roc.png/svg, pr.png/svg); nothing
/// for more classes, or when the test rows hold one class only (both curves are then undefined).</summary>
static class BinaryPlots
{
    public static void Save(string directory, string ext, ClassificationReport report)
    {
        if (report.Curves is not { } c) return;
        TrainingPlots.SaveRocCurve(Path.Combine(directory, $"roc.{ext}"), c.Roc, c.RocAuc);
        double positiveRate = report.PerClass.Where(r => r.Label == 1).Sum(r => r.Support) / (double)report.NumSamples;
        TrainingPlots.SavePrecisionRecallCurve(Path.Combine(directory, $"pr.{ext}"), c.PrecisionRecall, c.AveragePrecision, positiveRate);
    }
}
