using Kindling.Data;

namespace Kindling.Training.Tests.Tasks;

public sealed class TargetScalerTests
{
    [Fact]
    public void FitStandard_TrainingRowsOnly_PopulationStd()
    {
        // Oracle: StandardScaler().fit([[1], [3]]) → mean_ 2, scale_ 1 (population variance); row 2 is not a training row.
        var s = TargetScaler.FitStandard([1.0, 3.0, 100.0], [0, 1]);
        Assert.Equal(2.0, s.Mean);
        Assert.Equal(1.0, s.Scale);
        Assert.Equal(98.0, s.Transform(100));
        Assert.Equal(100.0, s.InverseTransform(98));
    }

    [Fact]
    public void FitStandard_ConstantTarget_KeepsScaleOne() =>
        Assert.Equal(1.0, TargetScaler.FitStandard([5.0, 5.0, 5.0], [0, 1, 2]).Scale);

    [Fact]
    public void Constructor_BadScale_Throws() =>
        Assert.Throws<ArgumentException>(() => new TargetScaler(true, 0, 0));
}
