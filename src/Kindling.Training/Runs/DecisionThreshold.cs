using System.Globalization;

namespace Kindling.Training.Runs;

/// <summary>How a two-class model turns probabilities into labels: class 1 (the second label in sorted order, as
/// LabelEncoder numbers them) when its probability p1 ≥ the threshold.</summary>
/// <remarks>
/// "≥" because it is the rule of scikit-learn's precision_recall_curve and roc_curve (a sample scoring exactly a
/// threshold counts as positive), so the threshold <c>--threshold auto</c> picks from that curve gives the F1 the
/// curve promised. At the default 0.5 the labels are the argmax, exactly as before and as scikit-learn's
/// <c>predict</c>: a row with p0 = p1 (both 0.5 in float32) goes to class 0, the first maximum, where p1 ≥ 0.5 would
/// say 1; only such exact ties differ, so the default keeps argmax rather than change a label nobody asked to move.
/// </remarks>
public static class DecisionThreshold
{
    /// <summary>The default: argmax.</summary>
    public const double Default = 0.5;

    /// <summary>Labels for (N, C) probabilities: argmax, or for C = 2 and a threshold other than
    /// <see cref="Default"/>, 1 where p1 ≥ <paramref name="threshold"/>.</summary>
    public static int[] Predict(float[,] probabilities, double threshold)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        if (probabilities.GetLength(1) != 2 || threshold == Default) return SavedModel.ArgMax(probabilities);
        var labels = new int[probabilities.GetLength(0)];
        for (int i = 0; i < labels.Length; i++) labels[i] = probabilities[i, 1] >= threshold ? 1 : 0;
        return labels;
    }

    /// <summary>True for a usable threshold: a number in [0, 1].</summary>
    public static bool IsValid(double threshold) => threshold is >= 0 and <= 1;

    /// <summary>The threshold as the CLI shows it.</summary>
    public static string Format(double threshold) => threshold.ToString("R", CultureInfo.InvariantCulture);
}
