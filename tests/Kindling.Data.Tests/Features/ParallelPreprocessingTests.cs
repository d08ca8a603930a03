namespace Kindling.Data.Tests.Features;

/// <summary>
/// The parallel float32 transform (row blocks, scattered or gathered) and the parallel per-column fit against the
/// serial definitions they replace: Fill through <see cref="Preprocessor.TransformDouble"/> (each value cast to
/// float32 is the float the fast path must write), and a fit on the rows in their given order. Oracle: the
/// serial code paths, which the sklearn-fixture tests pin to scikit-learn.
/// </summary>
public sealed class ParallelPreprocessingTests
{
    [Theory]
    [InlineData(ScalerKind.None, ImputeStrategy.Median, false)]
    [InlineData(ScalerKind.Standard, ImputeStrategy.Mean, true)]
    [InlineData(ScalerKind.MinMax, ImputeStrategy.MostFrequent, true)]
    [InlineData(ScalerKind.None, ImputeStrategy.Constant, false)]
    public void Transform_EqualsSerialFillCastToFloat(ScalerKind scaler, ImputeStrategy impute, bool indicators)
    {
        var frame = RandomFrame(new System.Random(7), 40_000);
        var all = Shuffled(new System.Random(1), frame.RowCount);
        var train = all[..30_000];
        var p = Preprocessor.Fit(frame, new PreprocessorOptions { Target = "y", Scaler = scaler, Impute = impute, AddIndicator = indicators, FillValue = 1.5 }, train);
        // Most rows (scattered in file order), few rows (gathered), and a repeated row (the serial fill).
        foreach (var rows in new[] { train, all[30_000..], new[] { 5, 3, 5, 9 } })
        {
            var fast = p.Transform(frame, rows);
            var reference = p.TransformDouble(frame, rows);
            for (int i = 0; i < rows.Length; i++)
                for (int f = 0; f < fast.Columns; f++)
                    Assert.True(fast[i, f].Equals((float)reference[i, f]), $"row {i} feature {p.FeatureNames[f]}: {fast[i, f]} vs {(float)reference[i, f]}");
        }
    }

    [Fact]
    public void Fit_Median_EqualsSortedMedianOfTheTrainingRows()
    {
        var frame = RandomFrame(new System.Random(3), 10_001);
        var train = Shuffled(new System.Random(4), frame.RowCount)[..7_777];
        var p = Preprocessor.Fit(frame, new PreprocessorOptions { Target = "y", Scaler = ScalerKind.None, Impute = ImputeStrategy.Median }, train);
        for (int j = 0; j < p.NumericColumns.Count; j++)
        {
            var column = (NumericColumn)frame[p.NumericColumns[j]];
            var present = train.Select(r => column[r]).Where(v => !double.IsNaN(v)).Order().ToArray();
            int n = present.Length;
            double median = n % 2 == 1 ? present[n / 2] : (present[n / 2 - 1] + present[n / 2]) / 2;
            Assert.Equal(median, p.NumericImputer!.Statistics[j]);
        }
    }

    [Fact]
    public void Fit_InfinityInTwoColumns_NamesTheFirstColumnAndItsFirstTrainingRow()
    {
        var a = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        var b = a.ToArray();
        a[70] = double.PositiveInfinity;
        a[20] = double.NegativeInfinity;
        b[10] = double.PositiveInfinity;
        var frame = new Frame([new NumericColumn("a", a), new NumericColumn("b", b), new NumericColumn("y", a.Select(v => 0.0).ToArray())],
            Enumerable.Range(2, 100).ToArray(), "t.csv");
        int[] train = [90, 70, 10, 20];
        var e = Assert.Throws<DataException>(() => Preprocessor.Fit(frame, new PreprocessorOptions { Target = "y", Impute = ImputeStrategy.Median, Scaler = ScalerKind.None }, train));
        Assert.Equal("a", e.Column);
        Assert.Equal(72, e.Line);  // row 70 comes before row 20 in the training rows
    }

    static int[] Shuffled(System.Random random, int n)
    {
        var rows = Enumerable.Range(0, n).ToArray();
        random.Shuffle(rows);
        return rows;
    }

    static Frame RandomFrame(System.Random random, int n)
    {
        double[] Numbers(double scale, int missingEvery) => Enumerable.Range(0, n)
            .Select(_ => random.Next(missingEvery) == 0 ? double.NaN : Math.Round((random.NextDouble() - 0.3) * scale, 3)).ToArray();
        string?[] Labels(params string[] values) => Enumerable.Range(0, n)
            .Select(_ => random.Next(15) == 0 ? null : values[random.Next(values.Length)]).ToArray();
        return new Frame(
        [
            new NumericColumn("a", Numbers(10, 20)),
            new NumericColumn("b", Numbers(1e6, 1_000_000)),
            new CategoricalColumn("c", Labels("red", "green", "blue")),
            new NumericColumn("d", Numbers(3, 7)),
            new CategoricalColumn("e", Labels("x", "y")),
            new NumericColumn("y", Numbers(1, int.MaxValue)),
        ], null, "random");
    }
}
