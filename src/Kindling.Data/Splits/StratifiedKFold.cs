// https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.StratifiedKFold.html
namespace Kindling.Data;

/// <summary>K folds that keep class proportions, as scikit-learn 1.2's <c>StratifiedKFold</c> (RANDOMNESS.md §4).</summary>
public sealed class StratifiedKFold
{
    readonly int _nSplits;
    readonly bool _shuffle;
    readonly RandomStateSource? _randomState;

    /// <summary>Defaults as scikit-learn: 5 folds, no shuffling.</summary>
    public StratifiedKFold(int nSplits = 5, bool shuffle = false, RandomStateSource? randomState = null)
    {
        FoldArguments.Check(nSplits, shuffle, randomState);
        (_nSplits, _shuffle, _randomState) = (nSplits, shuffle, randomState);
    }

    /// <summary>Yields (train, test) index arrays, both ascending, fold by fold.</summary>
    /// <remarks>Classes are numbered by first appearance; sorted labels are dealt round-robin to folds to size
    /// each class's share per fold; with shuffle, each class's fold list is shuffled by one generator per call.</remarks>
    public IEnumerable<(int[] Train, int[] Test)> Split<TLabel>(IReadOnlyList<TLabel> y) where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(y);
        FoldArguments.CheckSamples(_nSplits, y.Count);
        var rng = _shuffle ? RandomStateSource.Resolve(_randomState) : null;
        var (encoded, nClasses) = LabelClasses.ByFirstAppearance(y);
        var counts = LabelClasses.Counts(encoded, nClasses);
        if (counts.All(c => _nSplits > c))
            throw new ArgumentException($"nSplits={_nSplits} cannot be greater than the number of members in each class.", nameof(y));

        // allocation[f, k] = how many of class k land in y_order[f::nSplits], y_order = sorted codes.
        var allocation = new int[_nSplits, nClasses];
        int position = 0;
        for (int k = 0; k < nClasses; k++)
            for (int c = 0; c < counts[k]; c++, position++) allocation[position % _nSplits, k]++;

        var fold = new int[y.Count];
        for (int k = 0; k < nClasses; k++)
        {
            var folds = new int[counts[k]];
            int at = 0;
            for (int f = 0; f < _nSplits; f++)
                for (int r = 0; r < allocation[f, k]; r++) folds[at++] = f;
            rng?.Shuffle<int>(folds);
            at = 0;
            for (int i = 0; i < encoded.Length; i++)
                if (encoded[i] == k) fold[i] = folds[at++];
        }
        return FoldArguments.FromAssignment(fold, _nSplits);
    }
}
