namespace Kindling.Data.Tests.Loading;

using Datasets = Kindling.Data.Datasets;

public sealed class DataSplitTests
{
    static readonly System.Text.Json.JsonElement Golden = Fixtures.Load("data_loader.json");

    [Fact]
    public void Create_StratifiedTrainValTest_MatchesTwoSklearnTrainTestSplits()
    {
        var g = Golden.GetProperty("split_stratified");
        var frame = Datasets.Load("wineqt");
        var labels = LabelEncoder.FitTarget(frame, "quality").Transform(frame, "quality");
        var split = DataSplit.Create(frame.RowCount, testSize: 0.2, validationSize: 0.1, randomState: 42, labels: labels);
        Assert.Equal(g.GetProperty("test").Longs().Select(v => (int)v), split.Test);
        Assert.Equal(g.GetProperty("val").Longs().Select(v => (int)v), split.Validation);
        Assert.Equal(g.GetProperty("train").Longs().Select(v => (int)v), split.Train);
        Assert.Empty(split.Warnings);
    }

    [Fact]
    public void Create_RandomWithCounts_MatchesSklearn()
    {
        var g = Golden.GetProperty("split_random");
        var split = DataSplit.Create(1143, testSize: 0.25, validationSize: 100, randomState: 3);
        Assert.Equal(g.GetProperty("test").Longs().Select(v => (int)v), split.Test);
        Assert.Equal(g.GetProperty("val").Longs().Select(v => (int)v), split.Validation);
        Assert.Equal(g.GetProperty("train").Longs().Select(v => (int)v), split.Train);
    }

    [Fact]
    public void Create_ClassWithoutTrainingRows_IsAWarningNotAnError()
    {
        // An unstratified split of 6 rows where class "rare" has one row: the seeds that leave it out of
        // training still split, and say so.
        string[] labels = ["a", "a", "b", "b", "a", "rare"];
        int warned = 0;
        for (int seed = 0; seed < 10; seed++)
        {
            var split = DataSplit.Create(6, testSize: 2, randomState: seed, labels: labels, stratify: false);
            bool rareInTrain = split.Train.Any(i => labels[i] == "rare");
            Assert.Equal(rareInTrain ? 0 : 1, split.Warnings.Count);
            if (!rareInTrain)
            {
                Assert.Contains("class 'rare' has no rows in the training split", split.Warnings[0]);
                warned++;
            }
        }
        Assert.InRange(warned, 1, 9);
    }

    [Fact]
    public void WarningsFor_ManyClassesWithoutTrainingRows_NamesTheFirstTenThenCountsTheRest()
    {
        // 30 classes with one row each; training holds only the first row.
        var labels = Enumerable.Range(0, 30).Select(i => $"c{i:D2}").ToArray();
        var warnings = DataSplit.WarningsFor(labels, [0]);
        Assert.Equal(DataSplit.MaxClassWarnings + 1, warnings.Count);
        Assert.StartsWith("class 'c01' has no rows in the training split", warnings[0]);
        Assert.Equal("... and 19 more classes have no rows in the training split", warnings[^1]);
    }
}
