namespace Kindling.Data;

/// <summary>How <see cref="Csv"/> reads a file. The defaults detect what they can, like <c>pandas.read_csv</c>.</summary>
public sealed record CsvOptions
{
    /// <summary>The tokens that mean "no value" (pandas' <c>na_values</c>), compared after trimming spaces.</summary>
    public static readonly IReadOnlyList<string> DefaultMissingTokens =
        ["", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "?"];

    /// <summary>Whether the first row holds column names; <c>null</c> detects it (see <see cref="Csv"/>).
    /// Without a header the columns are named <c>c0..cN</c>.</summary>
    public bool? HasHeader { get; init; }

    /// <summary>The field separator; <c>null</c> sniffs one of <c>, ; \t |</c> from the first lines.</summary>
    public char? Delimiter { get; init; }

    /// <summary>Cells equal to one of these (after trimming spaces) are missing.</summary>
    public IReadOnlyList<string> MissingTokens { get; init; } = DefaultMissingTokens;

    /// <summary>Columns whose kind is forced instead of inferred, by name (or <c>cK</c> without a header).</summary>
    public IReadOnlyDictionary<string, ColumnKind> ColumnKinds { get; init; } = new Dictionary<string, ColumnKind>();

    /// <summary>Whether <see cref="ColumnKinds"/> may name columns the file lacks (they are then skipped) instead of
    /// failing the read: applying a saved model, whose caller reports every missing column at once.</summary>
    public bool ColumnKindsMayBeAbsent { get; init; }

    /// <summary>Told how far the read has got (bytes parsed of the file), from any thread; for a progress line.</summary>
    public IProgress<CsvProgress>? Progress { get; init; }

    /// <summary>Stops the read (<see cref="OperationCanceledException"/>) within a chunk of the file: a signal is
    /// honoured in well under a second, not after the whole file.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The name used for the source in messages; defaults to the file path.</summary>
    public string? SourceName { get; init; }
}
