namespace Kindling.Training.Metrics;

public sealed partial record ClassificationReport
{
    /// <summary>
    /// Computes every metric for predictions over classes 0..<paramref name="numClasses"/>−1
    /// (scikit-learn's definitions with <c>labels=range(numClasses)</c>).
    /// </summary>
    /// <param name="yTrue">True class indices.</param>
    /// <param name="yPred">Predicted class indices.</param>
    /// <param name="numClasses">Number of classes C.</param>
    /// <param name="probabilities">Optional (N, C) probabilities for log loss, ROC AUC and top-k.</param>
    /// <param name="classNames">Optional C display names.</param>
    /// <param name="zeroDivision">Value of 0/0 precision or recall.</param>
    public static ClassificationReport Create(
        int[] yTrue, int[] yPred, int numClasses, double[,]? probabilities = null,
        IReadOnlyList<string>? classNames = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
    {
        ClassLabels.CheckPair(yTrue, yPred);
        ArgumentOutOfRangeException.ThrowIfLessThan(numClasses, 2);
        ClassLabels.CheckRange(yTrue, numClasses, nameof(yTrue));
        ClassLabels.CheckRange(yPred, numClasses, nameof(yPred));
        if (classNames is not null && classNames.Count != numClasses)
        {
            throw new ArgumentException(
                $"classNames has {classNames.Count} names for {numClasses} classes.", nameof(classNames));
        }

        int[] labels = ClassLabels.Range(numClasses);
        string[] names = classNames?.ToArray() ?? labels.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        PerClassScores per = ClassificationMetrics.PrecisionRecallFScoreSupport(yTrue, yPred, labels, 1.0, zeroDivision);
        var notes = new List<string>();
        AddZeroDivisionNotes(per, names, zeroDivision, notes);

        double?[] perClassAuc = new double?[numClasses];
        double? logLoss = null, aucMacro = null;
        var topK = new List<TopKAccuracy>();
        if (probabilities is not null)
        {
            logLoss = ClassificationMetrics.LogLoss(yTrue, probabilities);
            perClassAuc = ClassificationMetrics.RocAucOneVsRest(yTrue, probabilities);
            aucMacro = MacroAuc(yTrue, probabilities, per, names, notes);
            for (int k = 2; k <= 3 && k < numClasses; k++)
            {
                topK.Add(new TopKAccuracy(k, ClassificationMetrics.TopKAccuracyScore(yTrue, probabilities, k)));
            }
        }

        int[,] cm = ClassificationMetrics.ConfusionMatrix(yTrue, yPred, labels);
        return new ClassificationReport
        {
            NumSamples = yTrue.Length,
            NumClasses = numClasses,
            ClassNames = names,
            Accuracy = ClassificationMetrics.AccuracyScore(yTrue, yPred),
            BalancedAccuracy = ClassificationMetrics.BalancedAccuracyScore(yTrue, yPred),
            MacroAverage = ClassificationMetrics.PrecisionRecallFScore(yTrue, yPred, Average.Macro, labels, 1.0, zeroDivision),
            WeightedAverage = ClassificationMetrics.PrecisionRecallFScore(yTrue, yPred, Average.Weighted, labels, 1.0, zeroDivision),
            MicroAverage = ClassificationMetrics.PrecisionRecallFScore(yTrue, yPred, Average.Micro, labels, 1.0, zeroDivision),
            PerClass = labels.Select(l => new ClassReportRow
            {
                Label = l,
                Name = names[l],
                Precision = per.Precision[l],
                Recall = per.Recall[l],
                F1 = per.FScore[l],
                Support = per.Support[l],
                Predicted = per.Predicted[l],
                RocAuc = perClassAuc[l],
            }).ToArray(),
            ConfusionMatrix = labels.Select(i => labels.Select(j => cm[i, j]).ToArray()).ToArray(),
            LogLoss = logLoss,
            RocAucMacro = aucMacro,
            TopK = [.. topK],
            ZeroDivision = zeroDivision,
            Notes = [.. notes],
        };
    }

    /// <inheritdoc cref="Create(int[], int[], int, double[,], IReadOnlyList{string}, ZeroDivision)"/>
    public static ClassificationReport Create(
        int[] yTrue, int[] yPred, int numClasses, float[,] probabilities,
        IReadOnlyList<string>? classNames = null, ZeroDivision zeroDivision = ZeroDivision.Warn)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var d = new double[probabilities.GetLength(0), probabilities.GetLength(1)];
        for (int i = 0; i < d.GetLength(0); i++)
        {
            for (int j = 0; j < d.GetLength(1); j++)
            {
                d[i, j] = probabilities[i, j];
            }
        }

        ClassificationReport report = Create(yTrue, yPred, numClasses, d, classNames, zeroDivision);
        // Log loss clips and renormalises in the array's own precision (float32 eps), as scikit-learn would.
        return report with { LogLoss = ClassificationMetrics.LogLoss(yTrue, probabilities) };
    }

    private static void AddZeroDivisionNotes(PerClassScores per, string[] names, ZeroDivision zd, List<string> notes)
    {
        string value = zd == ZeroDivision.One ? "1" : "0";
        for (int i = 0; i < names.Length; i++)
        {
            if (per.PrecisionIllDefined(i))
            {
                notes.Add($"Class '{names[i]}' was never predicted: its precision is 0/0, reported as {value}.");
            }

            if (per.RecallIllDefined(i))
            {
                notes.Add($"Class '{names[i]}' has no true samples: its recall is 0/0, reported as {value}.");
            }
        }
    }

    private static double? MacroAuc(int[] yTrue, double[,] probabilities, PerClassScores per, string[] names, List<string> notes)
    {
        string[] missing = names.Where((_, i) => per.Support[i] == 0 || per.Support[i] == yTrue.Length).ToArray();
        if (missing.Length > 0)
        {
            notes.Add($"ROC AUC (macro) is undefined: class(es) {string.Join(", ", missing.Select(m => $"'{m}'"))} "
                + "have no true samples (or all of them); per-class AUCs are given where defined.");
            return null;
        }

        try
        {
            return ClassificationMetrics.RocAucScore(yTrue, probabilities, Average.Macro);
        }
        catch (ArgumentException e)
        {
            notes.Add($"ROC AUC (macro) is undefined: {e.Message}");
            return null;
        }
    }
}
