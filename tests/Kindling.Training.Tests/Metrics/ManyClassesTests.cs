using Kindling.Training.Metrics;

namespace Kindling.Training.Tests.Metrics;

public sealed class ManyClassesTests
{
    [Fact]
    public void Bound_AtTheThreshold_ReturnsTheReportUnchanged()
    {
        int c = ManyClasses.Threshold;
        int[] y = [.. Enumerable.Range(0, 2 * c).Select(i => i % c)];
        var report = ClassificationReport.Create(y, y, c);
        Assert.Same(report, ManyClasses.Bound(report));
    }

    [Fact]
    public void Bound_PastTheThreshold_KeepsTheMostConfusedAndTheLowestF1()
    {
        const int c = 120;
        // Every class right once; classes 7 and 100 also confused with each other, 3 predicted as 5.
        var yTrue = Enumerable.Range(0, c).ToList();
        var yPred = Enumerable.Range(0, c).ToList();
        yTrue.AddRange([7, 100, 7, 3]);
        yPred.AddRange([100, 7, 100, 5]);
        var report = ClassificationReport.Create([.. yTrue], [.. yPred], c);

        var bounded = ManyClasses.Bound(report);
        Assert.Equal(ManyClasses.Threshold, bounded.PerClass.Length);
        Assert.Equal(ManyClasses.Threshold, bounded.ConfusionMatrix.Length);
        Assert.All(bounded.ConfusionMatrix, row => Assert.Equal(ManyClasses.Threshold, row.Length));
        int[] labels = bounded.ConfusionMatrixLabels!;
        Assert.Equal([3, 5, 7, 100], labels.Where(l => l is 3 or 5 or 7 or 100));
        Assert.Equal(labels.Order(), labels);
        int i7 = Array.IndexOf(labels, 7), i100 = Array.IndexOf(labels, 100);
        Assert.Equal(2, bounded.ConfusionMatrix[i7][i100]);
        Assert.Equal(1, bounded.ConfusionMatrix[i100][i7]);
        // The lowest F1 first; the averages still cover every class.
        Assert.Equal(report.PerClass.Min(r => r.F1), bounded.PerClass[0].F1);
        Assert.Contains(bounded.PerClass, r => r.Label == 7);
        Assert.Equal(report.MacroAverage, bounded.MacroAverage);
        Assert.Equal(c, bounded.NumClasses);
        Assert.Contains(bounded.Notes, n => n.Contains("more than 50", StringComparison.Ordinal));
        Assert.Same(bounded, ManyClasses.Bound(bounded));
    }
}
