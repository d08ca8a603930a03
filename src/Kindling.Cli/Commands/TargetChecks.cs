using Kindling.Data;

namespace Kindling.Cli.Commands;

/// <summary>Warnings for data that will train but probably not as the user meant: a continuous target turned
/// into hundreds of classes (identifier-like feature columns: <see cref="TextColumnWarnings"/>).</summary>
static class TargetChecks
{
    /// <summary>More classes than this, for a numeric target, looks like a regression target.</summary>
    const int ManyClasses = 50;

    public static void Warn(Frame frame, string target, LabelEncoder labels, IReadOnlyCollection<string> drop, List<string> notes)
    {
        if (labels.IsNumeric && (labels.Count > ManyClasses || labels.NumericClasses.Any(v => v != Math.Floor(v))))
            notes.Add($"warning: the target '{target}' has {labels.Count} distinct numeric values{(labels.NumericClasses.Any(v => v != Math.Floor(v)) ? ", some not whole numbers" : "")}; " +
                "a classification learns one class per value — is it a continuous quantity (--task regression)?");
    }
}
