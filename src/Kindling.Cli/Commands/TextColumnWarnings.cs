using System.Globalization;
using Kindling.Data;

namespace Kindling.Cli.Commands;

/// <summary>Leaves out the text columns that look like identifiers or free text (<see cref="TextColumnScreen"/>),
/// unless the user named them in --categorical, and says so with the remedy.</summary>
static class TextColumnWarnings
{
    /// <summary>The columns to drop: <paramref name="drop"/> plus the flagged ones.</summary>
    public static string[] LeaveOut(Frame frame, string target, string[] drop, string? categorical, List<string> notes)
    {
        var named = new HashSet<string>(Lists.Split(categorical), StringComparer.Ordinal);
        var candidates = frame.Columns
            .Where(c => c.Kind == ColumnKind.Categorical && c.Name != target && !drop.Contains(c.Name) && !named.Contains(c.Name))
            .Select(c => c.Name).ToArray();
        var flagged = TextColumnScreen.Find(frame, candidates);
        foreach (var f in flagged) notes.Add(Describe(f));
        return [.. drop, .. flagged.Select(f => f.Name)];
    }

    static string Describe(FlaggedTextColumn f)
    {
        var c = CultureInfo.InvariantCulture;
        string what = f.Problem == TextColumnProblem.Identifier
            ? string.Create(c, $"{f.Distinct:N0} distinct values in {f.Present:N0} rows, like an identifier")
            : string.Create(c, $"free text ({f.Distinct:N0} distinct values, {f.MeanLength:0} characters on average)");
        return $"warning: left out text column '{f.Name}': {what}; its one-hot features could not generalise (to encode it anyway: --categorical {f.Name})";
    }
}
