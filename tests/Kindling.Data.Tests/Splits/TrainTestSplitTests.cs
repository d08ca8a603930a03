using System.Text.Json;
using Kindling.Random;

namespace Kindling.Data.Tests.Splits;

/// <summary>Oracle: scikit-learn 1.2 train_test_split, via tools/reference/random_fixtures.py (splits_tts.json).</summary>
public sealed class TrainTestSplitTests
{
    public static TheoryData<int> Cases => new(Enumerable.Range(0, SplitFixtures.Cases("splits_tts.json").GetArrayLength()));

    static (int[] Train, int[] Test) Run(JsonElement c)
    {
        int n = c.GetProperty("n").GetInt32();
        var test = SplitFixtures.Size(c, "test_size");
        var train = SplitFixtures.Size(c, "train_size");
        RandomStateSource? rs = c.TryGetProperty("random_state", out var r) ? r.GetInt64() : null;
        if (c.TryGetProperty("stratify", out var labels))
            return ModelSelection.TrainTestSplit(SplitLabels.Make(labels.GetString()!, n), test, train, rs);
        bool shuffle = !c.TryGetProperty("shuffle", out var s) || s.GetBoolean();
        return ModelSelection.TrainTestSplit(n, test, train, rs, shuffle);
    }

    [Theory, MemberData(nameof(Cases))]
    public void TrainTestSplit_FixtureCase_MatchesScikitLearn(int i)
    {
        var c = SplitFixtures.Cases("splits_tts.json")[i];
        if (c.TryGetProperty("error", out var error))
        {
            // scikit-learn raised ValueError; Kindling raises ArgumentException naming the offending size.
            var ex = Assert.ThrowsAny<ArgumentException>(() => Run(c));
            Assert.False(string.IsNullOrWhiteSpace(ex.ParamName), $"no parameter named for: {error.GetString()}");
            return;
        }
        var (train, test) = Run(c);
        SplitFixtures.AssertIndices(c.GetProperty("train"), train, $"case {i} train");
        SplitFixtures.AssertIndices(c.GetProperty("test"), test, $"case {i} test");
    }

    [Fact]
    public void TrainTestSplit_SpecExample_MatchesScikitLearn()
    {
        // RANDOMNESS.md §7: train_test_split(arange(10), test_size=0.2, random_state=42).
        var (train, test) = ModelSelection.TrainTestSplit(10, testSize: 0.2, randomState: 42);
        Assert.Equal(new[] { 5, 0, 7, 2, 9, 4, 3, 6 }, train);
        Assert.Equal(new[] { 8, 1 }, test);
        var (strain, stest) = ModelSelection.TrainTestSplit(new[] { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 }, testSize: 0.4, randomState: 42);
        Assert.Equal(new[] { 8, 0, 2, 7, 5, 1 }, strain);
        Assert.Equal(new[] { 9, 3, 4, 6 }, stest);
    }

    [Fact]
    public void TrainTestSplit_StringLabels_SortOrdinallyLikeNumPy()
    {
        // The same classes as ints and as strings whose ordinal order matches give the same split.
        var ints = SplitLabels.Make("hash5", 150);
        var strings = ints.Select(v => "class" + v).ToArray();
        var (intTrain, intTest) = ModelSelection.TrainTestSplit(ints, 0.2, null, 7);
        var (strTrain, strTest) = ModelSelection.TrainTestSplit(strings, 0.2, null, 7);
        Assert.Equal(intTrain, strTrain);
        Assert.Equal(intTest, strTest);
    }

    [Fact]
    public void TrainTestSplit_SharedRandomState_ContinuesStreamLikeScikitLearn()
    {
        // A RandomState instance is advanced: the second split equals ShuffleSplit's second split.
        var rs = new RandomState(3);
        var first = ModelSelection.TrainTestSplit(20, testSize: 5, randomState: rs);
        var second = ModelSelection.TrainTestSplit(20, testSize: 5, randomState: rs);
        var both = new ShuffleSplit(2, testSize: 5, randomState: 3).Split(20).ToArray();
        Assert.Equal(both[0].Train, first.Train);
        Assert.Equal(both[0].Test, first.Test);
        Assert.Equal(both[1].Train, second.Train);
        Assert.Equal(both[1].Test, second.Test);
    }

    [Fact]
    public void TrainTestSplit_BadTestSize_MessageNamesArgumentAndValue()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ModelSelection.TrainTestSplit(10, testSize: 1.5));
        Assert.Equal("testSize", ex.ParamName);
        Assert.Contains("testSize=1.5", ex.Message);
        var single = Assert.Throws<ArgumentException>(() => ModelSelection.TrainTestSplit(new[] { 0, 0, 0, 1 }, testSize: 2, randomState: 0));
        Assert.Contains("only 1 member", single.Message);
    }
}
