using System.Globalization;
using Kindling.Nn;
using Kindling.Training.Metrics;
using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary><c>--threshold</c>: a two-class model's decision threshold on the probability of the second class,
/// a number in [0, 1] (default 0.5, the argmax) or <c>auto</c>, the F1-best threshold on the validation rows (never
/// the test rows, which would then no longer measure the model honestly).</summary>
static class ThresholdOption
{
    public const string Auto = "auto";

    /// <summary>Checks the text before any work: a number in [0, 1], or auto with validation rows.</summary>
    public static void Check(string? text, string valSize)
    {
        if (text is null || text == Auto && !IsZero(valSize)) return;
        if (text == Auto)
            throw new UsageException("--threshold auto picks the F1-best threshold on the validation rows, and there are none: add --val-size (e.g. --val-size 0.2)");
        Parse(text);
    }

    /// <summary>The threshold to use once the model is trained.</summary>
    public static double Resolve(string? text, int classes, string target, Module model, Tensor? xVal, Tensor? yVal, List<string> notes)
    {
        if (text is null) return DecisionThreshold.Default;
        CheckClasses(text, classes, target);
        if (text != Auto) return Parse(text);
        int[] y = yVal!.ToArray<long>().Select(v => (int)v).ToArray();
        if (y.Distinct().Count() < 2)
            throw new UsageException("--threshold auto: the validation rows hold only one class, so no threshold can be chosen on them; use --stratify or a larger --val-size");
        float[,] p = SavedModel.Probabilities(model, xVal!);
        double[] p1 = Enumerable.Range(0, p.GetLength(0)).Select(i => (double)p[i, 1]).ToArray();
        var choice = ClassificationMetrics.F1BestThreshold(y, p1);
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"--threshold auto: {DecisionThreshold.Format(choice.Threshold)}, the F1-best threshold on the {y.Length} validation rows (F1 {choice.F1:F4})"));
        return choice.Threshold;
    }

    /// <summary>Fails when a threshold was given for a target with more than two classes.</summary>
    public static void CheckClasses(string? text, int classes, string target)
    {
        if (text is not null && classes != 2)
            throw new UsageException($"--threshold applies to two-class targets; '{target}' has {classes} classes (their labels are the argmax)");
    }

    static double Parse(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double t) && DecisionThreshold.IsValid(t)
            ? t
            : throw new UsageException($"--threshold must be a number in [0, 1] or 'auto', got '{text}'");

    static bool IsZero(string valSize) =>
        double.TryParse(valSize, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v == 0;
}
