// https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.ShuffleSplit.html
using Kindling.Random;

namespace Kindling.Data;

/// <summary>Random permutation splits, as scikit-learn 1.2's <c>ShuffleSplit</c>: per split,
/// p = permutation(n), test = p[:nTest], train = p[nTest:nTest+nTrain] (permutation order, not sorted).</summary>
public sealed class ShuffleSplit
{
    readonly int _nSplits;
    readonly SplitSize? _testSize, _trainSize;
    readonly RandomStateSource? _randomState;

    /// <summary>Defaults as scikit-learn: 10 splits, test size 0.1 when neither size is given.</summary>
    public ShuffleSplit(int nSplits = 10, SplitSize? testSize = null, SplitSize? trainSize = null, RandomStateSource? randomState = null)
    {
        if (nSplits < 1)
            throw new ArgumentOutOfRangeException(nameof(nSplits), $"nSplits={nSplits} must be at least 1.");
        (_nSplits, _testSize, _trainSize, _randomState) = (nSplits, testSize, trainSize, randomState);
    }

    /// <summary>Default test fraction when neither size is given.</summary>
    internal const double DefaultTestSize = 0.1;

    /// <summary>Yields (train, test) index arrays for <paramref name="nSamples"/> samples.</summary>
    public IEnumerable<(int[] Train, int[] Test)> Split(int nSamples)
    {
        var (nTrain, nTest) = SplitSizes.Validate(nSamples, _testSize, _trainSize, DefaultTestSize);
        return Iterate(nSamples, nTrain, nTest, RandomStateSource.Resolve(_randomState), _nSplits);
    }

    internal static IEnumerable<(int[] Train, int[] Test)> Iterate(int nSamples, int nTrain, int nTest, RandomState rng, int nSplits)
    {
        for (int s = 0; s < nSplits; s++)
        {
            var perm = rng.Permutation(nSamples);
            var test = perm.AsSpan(0, nTest).ToArray().Select(v => (int)v).ToArray();
            var train = perm.AsSpan(nTest, nTrain).ToArray().Select(v => (int)v).ToArray();
            yield return (train, test);
        }
    }
}
