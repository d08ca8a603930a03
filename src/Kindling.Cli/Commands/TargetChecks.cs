using Kindling.Data;

namespace Kindling.Cli.Commands;

/// <summary>Warnings for data that will train but probably not as the user meant: a continuous target turned
/// into hundreds of classes, or an identifier column one-hot encoded into noise.</summary>
static class TargetChecks
{
    /// <summary>More classes than this, for a numeric target, looks like a regression target.</summary>
    const int ManyClasses = 50;

    public static void Warn(Frame frame, string target, LabelEncoder labels, IReadOnlyCollection<string> drop, List<string> notes)
    {
        if (labels.IsNumeric && (labels.Count > ManyClasses || labels.NumericClasses.Any(v => v != Math.Floor(v))))
            notes.Add($"warning: the target '{target}' has {labels.Count} distinct numeric values{(labels.NumericClasses.Any(v => v != Math.Floor(v)) ? ", some not whole numbers" : "")}; " +
                "a classification learns one class per value — is it a continuous quantity (--task regression)?");
        foreach (var column in frame.Columns)
        {
            if (column is not CategoricalColumn text || column.Name == target || drop.Contains(column.Name)) continue;
            int present = text.Length - text.MissingCount;
            if (present > 20 && Schema.Describe(column).Distinct == present)
                notes.Add($"warning: text column '{column.Name}' has a different value on every row, like an identifier; its one-hot features cannot generalise (--drop {column.Name}?)");
        }
    }
}
