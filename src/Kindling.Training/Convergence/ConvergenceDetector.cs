using System.Globalization;

namespace Kindling.Training.Convergence;

/// <summary>
/// Reads a loss curve the way the seed reads its plot ("the loss flattens near epoch N") and says
/// how many epochs were worth training.
/// </summary>
/// <remarks>
/// The rule, with the defaults of <see cref="ConvergenceOptions"/> (epochs are 1-based):
/// <list type="number">
/// <item>Use the validation loss when there is one, else the training loss. Epochs after the first
/// non-finite value are ignored.</item>
/// <item>Smooth with a centred 5-epoch moving median (shrinking at the ends), so single-epoch spikes
/// and noise do not move the answer. Call the result S, its minimum S[best], and the total improvement
/// D = S[1] − S[best].</item>
/// <item>Flat: if D is below 1% of S[1], the loss never improved meaningfully; suggest 1 epoch
/// (or, when it rose by more than that, the curve diverged from the start).</item>
/// <item>Diverged: if the last smoothed loss is above S[best] by more than 10% of D, the loss bottomed
/// out and rose again (overfitting, or a learning rate too high); suggest <c>best</c>.</item>
/// <item>Too short: with fewer than 10 (finite) epochs a falling curve is not judged; the sentence suggests
/// trying max(20, 10·n) epochs.</item>
/// <item>Still improving: if the last k = max(5, ⌈n/10⌉) epochs lowered S by more than 5% of D, the
/// curve has not levelled off; report not converged and suggest all n epochs (train longer).</item>
/// <item>Converged: otherwise suggest the first epoch e after which no later smoothed loss is lower
/// than S[e] by more than 5% of D, i.e. the point from which 95% of the observed improvement is in hand.</item>
/// </list>
/// The rule only sees the epochs that were run: a curve that levels off inside the window but would
/// fall again later cannot be told apart from a converged one.
/// </remarks>
public static class ConvergenceDetector
{
    private const int MinimumEpochs = 3;

    /// <summary>Below this many epochs a falling or levelled curve is reported as too short to judge: a 5-epoch
    /// curve always "gives most of its improvement in the last epochs", and a median over so few points is no knee.</summary>
    private const int JudgedEpochs = 10;

    /// <summary>Applies the rule to the validation loss when given (and non-empty), else to the training loss.</summary>
    /// <param name="trainLoss">Per-epoch training loss.</param>
    /// <param name="validationLoss">Per-epoch validation loss, or null.</param>
    /// <param name="options">Thresholds; null for the documented defaults.</param>
    public static ConvergenceResult Detect(
        IReadOnlyList<double> trainLoss, IReadOnlyList<double>? validationLoss = null, ConvergenceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(trainLoss);
        return validationLoss is { Count: > 0 }
            ? Analyse(validationLoss, "validation", options ?? ConvergenceOptions.Default)
            : Analyse(trainLoss, "train", options ?? ConvergenceOptions.Default);
    }

    private static ConvergenceResult Analyse(IReadOnlyList<double> loss, string curve, ConvergenceOptions o)
    {
        CheckOptions(o);
        int n = 0;
        while (n < loss.Count && double.IsFinite(loss[n]))
        {
            n++;
        }

        string cut = n < loss.Count
            ? string.Create(CultureInfo.InvariantCulture, $" (loss not finite from epoch {n + 1}; epochs 1-{n} analysed)")
            : "";
        if (n < MinimumEpochs)
        {
            return Result(Math.Max(n, 1), false, ConvergenceVerdict.TooShort, Math.Max(n, 1), curve,
                $"{curve} loss has only {n} finite epoch(s); at least {MinimumEpochs} are needed to judge convergence{cut}");
        }

        int window = Math.Max(1, Math.Min(o.SmoothingWindow | 1, n % 2 == 1 ? n : n - 1));
        double[] s = MovingMedian.Smooth(loss.Take(n).ToArray(), window);
        int best = ArgMin(s);
        double total = s[0] - s[best];
        double last = s[n - 1];

        if (total <= o.FlatFraction * Math.Abs(s[0]))
        {
            return last - s[0] > o.FlatFraction * Math.Abs(s[0])
                ? Result(1, true, ConvergenceVerdict.Diverged, 1, curve,
                    F($"{curve} loss rose from the first epoch ({s[0]:G4} to {last:G4}); lower the learning rate or check the data{cut}"))
                : Result(1, true, ConvergenceVerdict.Flat, best + 1, curve,
                    F($"{curve} loss stayed flat near {s[0]:G4} (improved less than {o.FlatFraction * 100:0.#}%); more epochs will not help{cut}"));
        }

        if (last - s[best] > o.RiseFraction * total)
        {
            return Result(best + 1, true, ConvergenceVerdict.Diverged, best + 1, curve,
                F($"{curve} loss, smoothed by a {window}-epoch moving median, was lowest at epoch {best + 1} ({s[best]:G4}) and then rose to {last:G4}; stop at epoch {best + 1}{cut}"));
        }

        if (n < JudgedEpochs && loss.Count == n)
        {
            int tryEpochs = Math.Max(2 * JudgedEpochs, 10 * n);
            return Result(n, false, ConvergenceVerdict.TooShort, best + 1, curve,
                F($"{curve} loss fell from {s[0]:G4} to {s[best]:G4} in {n} epochs, too few to judge convergence; try --epochs {tryEpochs}"));
        }

        int tail = Math.Min(n - 1, Math.Max(window, (n + 9) / 10));
        double tailGain = s[n - 1 - tail] - last;
        if (tailGain > o.ImprovementFraction * total)
        {
            return Result(n, false, ConvergenceVerdict.StillImproving, best + 1, curve,
                F($"{curve} loss still falling: the last {tail} epochs gave {tailGain / total * 100:0}% of the improvement; train longer than {n} epochs{cut}"));
        }

        int knee = Knee(s, o.ImprovementFraction * total);
        return Result(knee + 1, true, ConvergenceVerdict.Converged, best + 1, curve,
            F($"{curve} loss flattened at epoch {knee + 1}: later epochs improved it by less than {o.ImprovementFraction * 100:0.#}% of the total ({s[0]:G4} to {s[best]:G4}){cut}"));
    }

    /// <summary>First index e with S[e] − min(S[e..]) ≤ threshold.</summary>
    private static int Knee(double[] s, double threshold)
    {
        var suffixMin = new double[s.Length];
        suffixMin[^1] = s[^1];
        for (int i = s.Length - 2; i >= 0; i--)
        {
            suffixMin[i] = Math.Min(s[i], suffixMin[i + 1]);
        }

        for (int e = 0; e < s.Length; e++)
        {
            if (s[e] - suffixMin[e] <= threshold)
            {
                return e;
            }
        }

        return s.Length - 1;
    }

    private static int ArgMin(double[] s)
    {
        int best = 0;
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] < s[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static void CheckOptions(ConvergenceOptions o)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(o.SmoothingWindow, 1, nameof(o.SmoothingWindow));
        if (!(o.ImprovementFraction is > 0 and < 1) || !(o.RiseFraction > 0) || !(o.FlatFraction >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(o),
                "ImprovementFraction must lie in (0, 1), RiseFraction must be positive and FlatFraction non-negative.");
        }
    }

    private static ConvergenceResult Result(int epochs, bool converged, ConvergenceVerdict verdict, int best, string curve, string reason)
        => new() { SuggestedEpochs = epochs, Converged = converged, Verdict = verdict, BestEpoch = best, Curve = curve, Reason = reason };

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
