using System.Text.Json;

namespace Kindling.Data.Tests.Splits;

/// <summary>Oracle: scikit-learn 1.2 KFold / StratifiedKFold, via tools/reference/random_fixtures.py (splits_folds.json).</summary>
public sealed class KFoldTests
{
    public static TheoryData<int> Cases => new(Enumerable.Range(0, SplitFixtures.Cases("splits_folds.json").GetArrayLength()));

    [Theory, MemberData(nameof(Cases))]
    public void Folds_FixtureCase_MatchScikitLearn(int i)
    {
        var c = SplitFixtures.Cases("splits_folds.json")[i];
        int n = c.GetProperty("n").GetInt32(), k = c.GetProperty("k").GetInt32();
        bool shuffle = c.GetProperty("shuffle").GetBoolean();
        var rsJson = c.GetProperty("random_state");
        RandomStateSource? rs = rsJson.ValueKind == JsonValueKind.Null ? null : rsJson.GetInt64();
        var folds = c.GetProperty("kind").GetString() == "kfold"
            ? new KFold(k, shuffle, rs).Split(n).ToArray()
            : new StratifiedKFold(k, shuffle, rs).Split(SplitLabels.Make(c.GetProperty("labels").GetString()!, n)).ToArray();
        var tests = c.GetProperty("tests");
        Assert.Equal(tests.GetArrayLength(), folds.Length);
        for (int f = 0; f < folds.Length; f++)
        {
            SplitFixtures.AssertIndices(tests[f], folds[f].Test, $"case {i} fold {f}");
            AssertTrainIsAscendingComplement(folds[f].Train, folds[f].Test, n);
        }
    }

    /// <summary>scikit-learn returns train as the ascending complement of test (a boolean mask).</summary>
    static void AssertTrainIsAscendingComplement(int[] train, int[] test, int n)
    {
        var inTest = new bool[n];
        foreach (int t in test) inTest[t] = true;
        int at = 0;
        for (int i = 0; i < n; i++)
            if (!inTest[i])
                Assert.True(at < train.Length && train[at++] == i, $"train[{at - 1}] should be {i}");
        Assert.Equal(train.Length, at);
    }

    [Fact]
    public void Folds_SpecExamples_MatchScikitLearn()
    {
        // RANDOMNESS.md §7.
        var k = new KFold(3, shuffle: true, randomState: 0).Split(10).Select(f => f.Test).ToArray();
        Assert.Equal(new[] { new[] { 2, 4, 8, 9 }, new[] { 1, 6, 7 }, new[] { 0, 3, 5 } }, k);
        var y = new[] { 0, 0, 0, 0, 0, 0, 1, 1, 1, 1 };
        var s = new StratifiedKFold(2, shuffle: true, randomState: 0).Split(y).Select(f => f.Test).ToArray();
        Assert.Equal(new[] { new[] { 1, 2, 4, 7, 9 }, new[] { 0, 3, 5, 6, 8 } }, s);
    }

    [Fact]
    public void KFold_InvalidArguments_ThrowLikeScikitLearn()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KFold(1));
        Assert.Throws<ArgumentException>(() => new KFold(3, shuffle: false, randomState: 0));
        Assert.Throws<ArgumentException>(() => new KFold(11).Split(10).ToArray());
        Assert.Throws<ArgumentException>(() => new StratifiedKFold(5).Split(new[] { 0, 0, 1, 1, 1, 1, 0, 0 }).ToArray());
    }
}
