using System.Globalization;
using Kindling.Data;

namespace Kindling.Training.Tasks;

/// <summary>The task of a run and why it was chosen (printed, and saved in model.json).</summary>
/// <param name="Kind">Classification or regression.</param>
/// <param name="Reason">One line a user reads, e.g. "the target 'alcohol' has 61 distinct values, some not whole numbers".</param>
public sealed record TaskChoice(TaskKind Kind, string Reason)
{
    /// <summary>At most this many distinct whole-number values make an integer target a class label under <c>auto</c>.</summary>
    public const int MaxAutoClasses = 20;

    /// <summary>The names <c>--task</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "classification", "regression"];

    /// <summary>The lower-case name written to model.json and <c>--json</c>.</summary>
    public string Name => Kind == TaskKind.Regression ? "regression" : "classification";

    /// <summary>Chooses the task for <paramref name="target"/> (missing values already dropped):
    /// <c>auto</c> makes text, boolean and integer targets with at most <see cref="MaxAutoClasses"/> distinct values a
    /// classification, anything else numeric a regression.</summary>
    /// <exception cref="ArgumentException">Regression asked of a text target, or an unknown task name.</exception>
    public static TaskChoice Choose(Column target, string requested)
    {
        switch (requested)
        {
            case "classification":
                return new(TaskKind.Classification, "--task classification");
            case "regression" when target is not NumericColumn:
                throw new ArgumentException($"the target '{target.Name}' is text; regression needs a numeric target (use --task classification)");
            case "regression":
                return new(TaskKind.Regression, "--task regression");
            case "auto":
                return Auto(target);
            default:
                throw new ArgumentException($"unknown task '{requested}'; use one of {string.Join(", ", Names)}");
        }
    }

    static TaskChoice Auto(Column target)
    {
        if (target is not NumericColumn numeric)
            return new(TaskKind.Classification, $"auto: the target '{target.Name}' is text");
        var distinct = new HashSet<double>();
        bool whole = true;
        foreach (double v in numeric.Values)
        {
            if (double.IsNaN(v)) continue;
            distinct.Add(v);
            whole &= v == Math.Floor(v);
        }
        string count = distinct.Count.ToString(CultureInfo.InvariantCulture);
        if (!whole)
            return new(TaskKind.Regression, $"auto: the target '{target.Name}' has {count} distinct values, some not whole numbers");
        if (distinct.Count > MaxAutoClasses)
            return new(TaskKind.Regression, $"auto: the target '{target.Name}' has {count} distinct whole numbers (more than {MaxAutoClasses})");
        return new(TaskKind.Classification, $"auto: the target '{target.Name}' has {count} distinct whole numbers (at most {MaxAutoClasses})");
    }
}
