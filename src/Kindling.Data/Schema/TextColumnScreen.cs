namespace Kindling.Data;

/// <summary>Why a text column looks unfit for one-hot encoding.</summary>
public enum TextColumnProblem
{
    /// <summary>A different value on (nearly) every row: a name, an id, a timestamp.</summary>
    Identifier,

    /// <summary>Long, mostly distinct values: sentences, descriptions, comments.</summary>
    FreeText,
}

/// <summary>A text column that <see cref="TextColumnScreen"/> flagged.</summary>
/// <param name="Name">The column.</param>
/// <param name="Problem">What it looks like.</param>
/// <param name="Distinct">Distinct values.</param>
/// <param name="Present">Rows with a value.</param>
/// <param name="MeanLength">Mean length of its distinct values, in characters.</param>
public sealed record FlaggedTextColumn(string Name, TextColumnProblem Problem, int Distinct, int Present, double MeanLength);

/// <summary>Schema inference's second look at text columns: those that look like identifiers or free text, whose
/// one-hot features (one per distinct value) would be as many as the rows and could not generalise. A caller leaves
/// them out unless the user names them as categorical.</summary>
public static class TextColumnScreen
{
    /// <summary>Fewer rows than this say too little to judge a column.</summary>
    public const int MinRows = 20;

    /// <summary>Distinct values per row from which a column is an identifier: with half the rows distinct, a
    /// category is seen twice on average, once in training at best.</summary>
    public const double IdentifierRatio = 0.5;

    /// <summary>Mean length (characters) from which mostly distinct values are free text rather than labels.</summary>
    public const int FreeTextLength = 40;

    /// <summary>Distinct values per row from which long values are free text.</summary>
    public const double FreeTextRatio = 0.1;

    /// <summary>The flagged columns among <paramref name="columns"/> (text columns of <paramref name="frame"/>; others are skipped), in the given order.</summary>
    public static IReadOnlyList<FlaggedTextColumn> Find(Frame frame, IReadOnlyList<string> columns)
    {
        var found = new FlaggedTextColumn?[columns.Count];
        DataThreads.For(columns.Count, j =>
        {
            if (frame[columns[j]] is CategoricalColumn text) found[j] = Check(text);
        }, (long)frame.RowCount * columns.Count);
        return found.OfType<FlaggedTextColumn>().ToArray();
    }

    static FlaggedTextColumn? Check(CategoricalColumn column)
    {
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        int present = 0;
        foreach (var label in column.Values)
        {
            if (label is null) continue;
            present++;
            distinct.Add(label);
        }
        if (present < MinRows) return null;
        double ratio = (double)distinct.Count / present;
        double meanLength = distinct.Count == 0 ? 0 : distinct.Average(s => (double)s.Length);
        if (ratio >= IdentifierRatio) return new(column.Name, TextColumnProblem.Identifier, distinct.Count, present, meanLength);
        if (meanLength >= FreeTextLength && ratio >= FreeTextRatio) return new(column.Name, TextColumnProblem.FreeText, distinct.Count, present, meanLength);
        return null;
    }
}
