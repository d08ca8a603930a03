// scikit-learn 1.2 model_selection._split._validate_shuffle_split — RANDOMNESS.md §4.
namespace Kindling.Data;

/// <summary>Turns test/train sizes into counts, with scikit-learn's rules and errors.</summary>
internal static class SplitSizes
{
    /// <summary>(nTrain, nTest): a fraction test size rounds up, a fraction train size rounds down,
    /// a missing one is the complement.</summary>
    public static (int Train, int Test) Validate(int nSamples, SplitSize? testSize, SplitSize? trainSize, double defaultTestSize)
    {
        if (nSamples <= 0)
            throw new ArgumentOutOfRangeException(nameof(nSamples), $"With n_samples={nSamples}, there is nothing to split: at least one sample is required.");
        if (testSize is null && trainSize is null) testSize = defaultTestSize;
        Check(testSize, nSamples, "testSize");
        Check(trainSize, nSamples, "trainSize");
        if (testSize?.Fraction is double tf && trainSize?.Fraction is double rf && tf + rf > 1)
            throw new ArgumentException($"The sum of testSize and trainSize = {tf + rf:R} should be in the (0, 1) range. Reduce testSize and/or trainSize.", nameof(testSize));

        // Python evaluates ceil(test_size * n) / floor(train_size * n) in double.
        long? nTest = testSize is { } t ? (t.Count ?? (long)Math.Ceiling(t.Fraction!.Value * nSamples)) : null;
        long? nTrain = trainSize is { } r ? (r.Count ?? (long)Math.Floor(r.Fraction!.Value * nSamples)) : null;
        nTrain ??= nSamples - nTest!.Value;
        nTest ??= nSamples - nTrain.Value;

        if (nTrain + nTest > nSamples)
            throw new ArgumentException($"The sum of trainSize and testSize = {nTrain + nTest} should be smaller than the number of samples {nSamples}. Reduce testSize and/or trainSize.", nameof(testSize));
        if (nTrain == 0)
            throw new ArgumentException($"With n_samples={nSamples}, testSize={Show(testSize)} and trainSize={Show(trainSize)}, the resulting train set will be empty. Adjust any of these parameters.", nameof(testSize));
        return ((int)nTrain.Value, (int)nTest.Value);
    }

    static void Check(SplitSize? size, int nSamples, string name)
    {
        if (size is not { } s) return;
        bool bad = s.Count is int c ? c <= 0 || c >= nSamples : !(s.Fraction > 0 && s.Fraction < 1);
        if (bad)
            throw new ArgumentOutOfRangeException(name, $"{name}={s} should be either a positive count smaller than the number of samples {nSamples} or a fraction in the (0, 1) range.");
    }

    static string Show(SplitSize? s) => s?.ToString() ?? "None";
}
