// https://scikit-learn.org/1.2/modules/generated/sklearn.model_selection.train_test_split.html
namespace Kindling.Data;

/// <summary>scikit-learn's <c>model_selection</c> entry points that return row indices.</summary>
public static class ModelSelection
{
    /// <summary>Default test fraction of <c>train_test_split</c> when neither size is given.</summary>
    const double DefaultTestSize = 0.25;

    /// <summary>
    /// Row indices of <c>train_test_split(X, test_size, train_size, random_state, shuffle)</c> for
    /// <paramref name="nSamples"/> rows: <c>X[Train]</c>, <c>X[Test]</c> are scikit-learn 1.2's outputs, in
    /// the same (permutation) order. Without shuffling, train is the first rows and test the next ones.
    /// </summary>
    /// <example><c>var (train, test) = ModelSelection.TrainTestSplit(1143, testSize: 0.2, randomState: 42);</c></example>
    public static (int[] Train, int[] Test) TrainTestSplit(int nSamples, SplitSize? testSize = null, SplitSize? trainSize = null,
        RandomStateSource? randomState = null, bool shuffle = true)
    {
        var (nTrain, nTest) = SplitSizes.Validate(nSamples, testSize, trainSize, DefaultTestSize);
        if (!shuffle)
            return (Enumerable.Range(0, nTrain).ToArray(), Enumerable.Range(nTrain, nTest).ToArray());
        return ShuffleSplit.Iterate(nSamples, nTrain, nTest, RandomStateSource.Resolve(randomState), 1).Single();
    }

    /// <summary>
    /// Row indices of <c>train_test_split(X, ..., stratify=y)</c>: the split keeps the class proportions
    /// of <paramref name="stratify"/> (one label per row), exactly as scikit-learn 1.2's StratifiedShuffleSplit.
    /// </summary>
    public static (int[] Train, int[] Test) TrainTestSplit<TLabel>(IReadOnlyList<TLabel> stratify, SplitSize? testSize = null,
        SplitSize? trainSize = null, RandomStateSource? randomState = null) where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(stratify);
        var (nTrain, nTest) = SplitSizes.Validate(stratify.Count, testSize, trainSize, DefaultTestSize);
        return StratifiedShuffleSplit.Iterate(stratify, nTrain, nTest, RandomStateSource.Resolve(randomState), 1).Single();
    }
}
