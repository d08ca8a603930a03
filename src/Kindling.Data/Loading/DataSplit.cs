namespace Kindling.Data;

/// <summary>Row indices of a train / validation / test split, with warnings for classes left without training rows.</summary>
/// <param name="Train">Training rows.</param>
/// <param name="Validation">Validation rows (empty when no validation size was given).</param>
/// <param name="Test">Test rows.</param>
/// <param name="Warnings">Sentences about classes that have no training row (a model cannot learn them).</param>
public sealed record DataSplit(int[] Train, int[] Validation, int[] Test, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Splits <paramref name="nSamples"/> rows as two scikit-learn <c>train_test_split</c> calls: the test
    /// rows first (<paramref name="testSize"/> of all rows), then the validation rows from what is left
    /// (<paramref name="validationSize"/>, a fraction of all rows or a count). Sizes follow sklearn
    /// (fractions round the held-out part up). With <paramref name="labels"/> (one per row) and
    /// <paramref name="stratify"/>, each part keeps the class proportions (sklearn's <c>stratify=y</c>), and
    /// classes left without a training row are listed in <see cref="Warnings"/>. <paramref name="randomState"/>
    /// seeds both calls, so the test part equals <c>train_test_split(..., random_state=seed)</c>.
    /// </summary>
    public static DataSplit Create<TLabel>(int nSamples, SplitSize testSize, SplitSize? validationSize = null,
        long randomState = 0, IReadOnlyList<TLabel>? labels = null, bool stratify = true, bool shuffle = true) where TLabel : notnull
    {
        if (labels is not null && labels.Count != nSamples)
            throw new DataException($"{labels.Count} labels given for {nSamples} rows");
        var strata = stratify ? labels : null;
        var (rest, test) = strata is null
            ? ModelSelection.TrainTestSplit(nSamples, testSize, randomState: randomState, shuffle: shuffle)
            : ModelSelection.TrainTestSplit(strata, testSize, randomState: randomState);
        int[] train = rest, validation = [];
        if (validationSize is { } v)
        {
            // A fraction is of all rows, so "0.7/0.15/0.15" means what it says.
            SplitSize within = v.Fraction is double f ? (int)Math.Ceiling(f * nSamples) : v;
            var (a, b) = strata is null
                ? ModelSelection.TrainTestSplit(rest.Length, within, randomState: randomState, shuffle: shuffle)
                : ModelSelection.TrainTestSplit(rest.Select(i => strata[i]).ToArray(), within, randomState: randomState);
            train = a.Select(i => rest[i]).ToArray();
            validation = b.Select(i => rest[i]).ToArray();
        }
        return new DataSplit(train, validation, test, labels is null ? [] : WarningsFor(labels, train));
    }

    /// <summary>As <see cref="Create{TLabel}"/> without labels (a random, unstratified split).</summary>
    public static DataSplit Create(int nSamples, SplitSize testSize, SplitSize? validationSize = null, long randomState = 0, bool shuffle = true) =>
        Create<int>(nSamples, testSize, validationSize, randomState, null, false, shuffle);

    /// <summary>At most this many classes are named one by one in <see cref="WarningsFor{TLabel}"/>.</summary>
    public const int MaxClassWarnings = 10;

    /// <summary>One sentence per class of <paramref name="labels"/> with no row in <paramref name="train"/> (the first
    /// <see cref="MaxClassWarnings"/>, then one line counting the rest).</summary>
    public static IReadOnlyList<string> WarningsFor<TLabel>(IReadOnlyList<TLabel> labels, IEnumerable<int> train) where TLabel : notnull
    {
        var classes = labels.Distinct().ToList();
        // Stop looking once every class has a training row (after a few dozen rows, not 800,000, in the usual case).
        var inTrain = new HashSet<TLabel>();
        foreach (int i in train)
            if (inTrain.Add(labels[i]) && inTrain.Count == classes.Count) return [];
        var missing = classes.Where(c => !inTrain.Contains(c)).Order().ToList();
        var warnings = missing.Take(MaxClassWarnings)
            .Select(c => $"class '{c}' has no rows in the training split ({labels.Count(l => l.Equals(c))} rows in all); the model cannot learn it")
            .ToList();
        // Bounded, so that a target with hundreds of rare classes gives a readable page, not hundreds of lines.
        if (missing.Count > MaxClassWarnings)
            warnings.Add($"... and {missing.Count - MaxClassWarnings} more classes have no rows in the training split");
        return warnings;
    }
}
