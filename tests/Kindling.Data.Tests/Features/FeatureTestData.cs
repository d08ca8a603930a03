namespace Kindling.Data.Tests.Features;

using Csv = Kindling.Data.Csv;
using Datasets = Kindling.Data.Datasets;

/// <summary>Shared inputs and the comparison tolerance for the sklearn-fixture tests.</summary>
static class FeatureTestData
{
    /// <summary>Issue 4's acceptance bound; the float64 paths agree with sklearn to ~1e-12 (summation order only).</summary>
    internal const double SklearnTolerance = 1e-6;

    internal static Frame Wine() => Datasets.Load("wineqt");

    internal static Frame Mixed() => Csv.Read(RepoPaths.TestData("mixed.csv"));

    internal static Frame MixedTest() => Csv.Read(RepoPaths.TestData("mixed_test.csv"));

    internal static double[,] Columns(Frame frame, IReadOnlyList<string> names)
    {
        var x = new double[frame.RowCount, names.Count];
        for (int j = 0; j < names.Count; j++)
        {
            var column = (NumericColumn)frame[names[j]];
            for (int i = 0; i < frame.RowCount; i++) x[i, j] = column[i];
        }
        return x;
    }

    internal static void AssertClose(double[,] expected, double[,] actual, double tolerance = SklearnTolerance)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        for (int i = 0; i < expected.GetLength(0); i++)
            for (int j = 0; j < expected.GetLength(1); j++)
                if (!(Math.Abs(expected[i, j] - actual[i, j]) <= tolerance))
                    Assert.Fail($"element ({i}, {j}): expected {expected[i, j]:R}, got {actual[i, j]:R}");
    }

    internal static void AssertClose(double[] expected, IReadOnlyList<double> actual, double tolerance = SklearnTolerance)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (int j = 0; j < expected.Length; j++)
            Assert.True(Math.Abs(expected[j] - actual[j]) <= tolerance, $"[{j}]: expected {expected[j]:R}, got {actual[j]:R}");
    }
}
