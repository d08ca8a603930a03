// https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.KFold.html
namespace Kindling.Data;

/// <summary>K consecutive folds, optionally shuffled once, as scikit-learn 1.2's <c>KFold</c>.
/// The first n % k folds hold one extra sample; both index arrays come back sorted ascending.</summary>
public sealed class KFold
{
    readonly int _nSplits;
    readonly bool _shuffle;
    readonly RandomStateSource? _randomState;

    /// <summary>Defaults as scikit-learn: 5 folds, no shuffling.</summary>
    public KFold(int nSplits = 5, bool shuffle = false, RandomStateSource? randomState = null)
    {
        FoldArguments.Check(nSplits, shuffle, randomState);
        (_nSplits, _shuffle, _randomState) = (nSplits, shuffle, randomState);
    }

    /// <summary>Yields (train, test) index arrays, fold by fold.</summary>
    public IEnumerable<(int[] Train, int[] Test)> Split(int nSamples)
    {
        FoldArguments.CheckSamples(_nSplits, nSamples);
        var order = Enumerable.Range(0, nSamples).ToArray();
        if (_shuffle) RandomStateSource.Resolve(_randomState).Shuffle<int>(order);
        var fold = new int[nSamples];
        int start = 0;
        for (int f = 0; f < _nSplits; f++)
        {
            int size = nSamples / _nSplits + (f < nSamples % _nSplits ? 1 : 0);
            for (int i = start; i < start + size; i++) fold[order[i]] = f;
            start += size;
        }
        return FoldArguments.FromAssignment(fold, _nSplits);
    }
}

/// <summary>Argument checks and fold-to-index conversion shared by <see cref="KFold"/> and <see cref="StratifiedKFold"/>.</summary>
internal static class FoldArguments
{
    public static void Check(int nSplits, bool shuffle, RandomStateSource? randomState)
    {
        if (nSplits < 2)
            throw new ArgumentOutOfRangeException(nameof(nSplits), $"k-fold cross-validation needs at least one train/test split: set nSplits to 2 or more, got nSplits={nSplits}.");
        if (!shuffle && randomState is not null)
            throw new ArgumentException("Setting randomState has no effect since shuffle is false: leave randomState null, or set shuffle: true.", nameof(randomState));
    }

    public static void CheckSamples(int nSplits, int nSamples)
    {
        if (nSplits > nSamples)
            throw new ArgumentException($"Cannot have number of splits nSplits={nSplits} greater than the number of samples n_samples={nSamples}.", nameof(nSamples));
    }

    /// <summary>Fold f's test set is every sample assigned f (ascending); train is the rest (ascending).</summary>
    public static IEnumerable<(int[] Train, int[] Test)> FromAssignment(int[] fold, int nSplits)
    {
        for (int f = 0; f < nSplits; f++)
        {
            var test = new List<int>();
            var train = new List<int>(fold.Length);
            for (int i = 0; i < fold.Length; i++) (fold[i] == f ? test : train).Add(i);
            yield return (train.ToArray(), test.ToArray());
        }
    }
}
