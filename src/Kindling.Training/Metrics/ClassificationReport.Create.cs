namespace Kindling.Training.Metrics;

public sealed partial record ClassificationReport
{
    /// <summary>
    /// Computes every metric for predictions over classes 0..<paramref name="numClasses"/>−1, as scikit-learn
    /// computes them by default (<c>labels=None</c>): per-class rows and the macro/weighted/micro averages cover the
    /// labels present in <paramref name="yTrue"/> or <paramref name="yPred"/> (<c>unique_labels</c>, what
    /// <c>f1_score(average=...)</c> and <c>classification_report</c> use); a class in neither is listed in
    /// <see cref="AbsentClasses"/> instead of being averaged in as a 0. The confusion matrix keeps all C classes.
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
        int[] present = ClassLabels.Unique(yTrue, yPred);
        string[] names = classNames?.ToArray() ?? labels.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        PerClassScores per = ClassificationMetrics.PrecisionRecallFScoreSupport(yTrue, yPred, present, 1.0, zeroDivision);
        var notes = new List<string>();
        AddZeroDivisionNotes(per, names, zeroDivision, notes);
        string[] absent = labels.Except(present).Select(l => names[l]).ToArray();
        AddAbsentNote(absent, notes);

        double?[] perClassAuc = new double?[numClasses];
        double? logLoss = null, aucMacro = null;
        BinaryCurves? curves = null;
        var topK = new List<TopKAccuracy>();
        if (probabilities is not null)
        {
            logLoss = ClassificationMetrics.LogLoss(yTrue, probabilities);
            perClassAuc = ClassificationMetrics.RocAucOneVsRest(yTrue, probabilities);
            aucMacro = MacroAuc(yTrue, probabilities, names, notes);
            curves = numClasses == 2 && aucMacro is double auc ? BinaryCurvesOf(yTrue, probabilities, auc) : null;
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
            MacroAverage = ClassificationMetrics.PrecisionRecallFScore(yTrue, yPred, Average.Macro, present, 1.0, zeroDivision),
            WeightedAverage = ClassificationMetrics.PrecisionRecallFScore(yTrue, yPred, Average.Weighted, present, 1.0, zeroDivision),
            MicroAverage = ClassificationMetrics.PrecisionRecallFScore(yTrue, yPred, Average.Micro, present, 1.0, zeroDivision),
            PerClass = present.Select((l, i) => new ClassReportRow
            {
                Label = l,
                Name = names[l],
                Precision = per.Precision[i],
                Recall = per.Recall[i],
                F1 = per.FScore[i],
                Support = per.Support[i],
                Predicted = per.Predicted[i],
                RocAuc = perClassAuc[l],
            }).ToArray(),
            AbsentClasses = absent,
            ConfusionMatrix = labels.Select(i => labels.Select(j => cm[i, j]).ToArray()).ToArray(),
            LogLoss = logLoss,
            RocAucMacro = aucMacro,
            AveragePrecision = curves?.AveragePrecision,
            Curves = curves,
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
        for (int i = 0; i < per.Labels.Length; i++)
        {
            string name = names[per.Labels[i]];
            if (per.PrecisionIllDefined(i))
            {
                notes.Add($"Class '{name}' was never predicted: its precision is 0/0, reported as {value}.");
            }

            if (per.RecallIllDefined(i))
            {
                notes.Add($"Class '{name}' has no true samples: its recall is 0/0, reported as {value}.");
            }
        }
    }

    private static void AddAbsentNote(string[] absent, List<string> notes)
    {
        if (absent.Length > 0)
        {
            notes.Add($"Class(es) {string.Join(", ", absent.Take(ManyClasses.Threshold).Select(a => $"'{a}'"))}"
                + (absent.Length > ManyClasses.Threshold ? $" and {absent.Length - ManyClasses.Threshold} more" : "")
                + " neither occur in these rows nor were predicted: they are listed in absent_classes and left out of "
                + "the per-class rows and the macro/weighted averages, as scikit-learn's unique_labels does.");
        }
    }

    private static BinaryCurves BinaryCurvesOf(int[] yTrue, double[,] probabilities, double auc)
    {
        double[] p1 = Enumerable.Range(0, probabilities.GetLength(0)).Select(i => probabilities[i, 1]).ToArray();
        return new BinaryCurves(ClassificationMetrics.RocCurvePoints(yTrue, p1), auc,
            ClassificationMetrics.PrecisionRecallCurve(yTrue, p1), ClassificationMetrics.AveragePrecisionScore(yTrue, p1));
    }

    private static double? MacroAuc(int[] yTrue, double[,] probabilities, string[] names, List<string> notes)
    {
        var support = new int[names.Length];
        foreach (int y in yTrue)
        {
            support[y]++;
        }

        string[] missing = names.Where((_, i) => support[i] == 0 || support[i] == yTrue.Length).ToArray();
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
