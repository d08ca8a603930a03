// https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.StratifiedShuffleSplit.html
using Kindling.Random;

namespace Kindling.Data;

/// <summary>Shuffle splits that keep class proportions, as scikit-learn 1.2's <c>StratifiedShuffleSplit</c>
/// (the algorithm behind <c>train_test_split(stratify=y)</c>; RANDOMNESS.md §4).</summary>
public sealed class StratifiedShuffleSplit
{
    readonly int _nSplits;
    readonly SplitSize? _testSize, _trainSize;
    readonly RandomStateSource? _randomState;

    /// <summary>Defaults as scikit-learn: 10 splits, test size 0.1 when neither size is given.</summary>
    public StratifiedShuffleSplit(int nSplits = 10, SplitSize? testSize = null, SplitSize? trainSize = null, RandomStateSource? randomState = null)
    {
        if (nSplits < 1)
            throw new ArgumentOutOfRangeException(nameof(nSplits), $"nSplits={nSplits} must be at least 1.");
        (_nSplits, _testSize, _trainSize, _randomState) = (nSplits, testSize, trainSize, randomState);
    }

    /// <summary>Yields (train, test) index arrays stratified by the labels <paramref name="y"/>.</summary>
    public IEnumerable<(int[] Train, int[] Test)> Split<TLabel>(IReadOnlyList<TLabel> y) where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(y);
        var (nTrain, nTest) = SplitSizes.Validate(y.Count, _testSize, _trainSize, ShuffleSplit.DefaultTestSize);
        return Iterate(y, nTrain, nTest, RandomStateSource.Resolve(_randomState), _nSplits);
    }

    internal static IEnumerable<(int[] Train, int[] Test)> Iterate<TLabel>(IReadOnlyList<TLabel> y, int nTrain, int nTest, RandomState rng, int nSplits)
        where TLabel : notnull
    {
        var (encoded, nClasses) = LabelClasses.Sorted(y);
        var counts = LabelClasses.Counts(encoded, nClasses);
        if (counts.Min() < 2)
            throw new ArgumentException("The least populated class in y has only 1 member, which is too few. The minimum number of members in any class cannot be less than 2.", nameof(y));
        if (nTrain < nClasses)
            throw new ArgumentException($"The train size = {nTrain} should be greater or equal to the number of classes = {nClasses}.", nameof(y));
        if (nTest < nClasses)
            throw new ArgumentException($"The test size = {nTest} should be greater or equal to the number of classes = {nClasses}.", nameof(y));

        // Members of each class in ascending index order.
        var members = Enumerable.Range(0, nClasses).Select(k => new List<int>(counts[k])).ToArray();
        for (int i = 0; i < encoded.Length; i++) members[encoded[i]].Add(i);
        return Generate(members, counts, nTrain, nTest, rng, nSplits);
    }

    static IEnumerable<(int[] Train, int[] Test)> Generate(List<int>[] members, int[] counts, int nTrain, int nTest, RandomState rng, int nSplits)
    {
        for (int s = 0; s < nSplits; s++)
        {
            var nI = ApproximateMode.Compute(counts, nTrain, rng);
            var remaining = counts.Select((c, k) => c - nI[k]).ToArray();
            var tI = ApproximateMode.Compute(remaining, nTest, rng);
            var train = new List<int>(nTrain);
            var test = new List<int>(nTest);
            for (int k = 0; k < counts.Length; k++)
            {
                var perm = rng.Permutation(counts[k]);
                for (int p = 0; p < nI[k]; p++) train.Add(members[k][(int)perm[p]]);
                for (int p = nI[k]; p < nI[k] + tI[k]; p++) test.Add(members[k][(int)perm[p]]);
            }
            yield return (rng.Permutation(train), rng.Permutation(test));
        }
    }
}
