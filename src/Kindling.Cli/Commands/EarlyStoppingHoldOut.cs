using System.Globalization;

namespace Kindling.Cli.Commands;

/// <summary>Early stopping without <c>--val-size</c>: a validation part is held out of the training rows, as
/// scikit-learn's MLPClassifier(early_stopping=True) holds out validation_fraction = 0.1 and Keras' validation_split
/// does. Watching the training loss instead never stops a model that still fits the training rows better
/// (0.489 test accuracy instead of 0.668 on WineQT), and the test rows are never watched.</summary>
static class EarlyStoppingHoldOut
{
    /// <summary>scikit-learn's <c>validation_fraction</c> default.</summary>
    public const string Fraction = "0.1";

    /// <summary>The settings with the held-out fraction as <c>--val-size</c>, marked as chosen for the user.</summary>
    public static TrainSettings Apply(TrainSettings s) => s with { ValSize = Fraction, AutoValSize = true };

    /// <summary>The one line that says so, with its size.</summary>
    public static string Note(int validation, int training, bool stratified) => string.Create(CultureInfo.InvariantCulture,
        $"early stopping: held out {validation} of the {training} training rows (10%{(stratified ? ", stratified" : "")}) as a validation set to watch; --val-size chooses another size");

    /// <summary>A split that cannot be made (too few rows, a class too rare to stratify) is refused in the user's terms.</summary>
    public static UsageException Refusal(int training, UsageException cause) => new(
        $"--early-stopping needs validation rows to watch, and holding out 10% of the {training} training rows failed " +
        $"({cause.Message.Replace("--val-size: ", "", StringComparison.Ordinal)}); give --val-size, or drop --early-stopping");
}
