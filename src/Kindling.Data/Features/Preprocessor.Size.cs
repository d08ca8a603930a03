using System.Globalization;

namespace Kindling.Data;

/// <summary>The size of the feature matrix a transform would allocate, and whether it fits.</summary>
/// <param name="Rows">Rows to transform.</param>
/// <param name="Features">Features per row.</param>
/// <param name="Available">Bytes the process may still allocate (<see cref="MemoryBudget.Available"/>).</param>
/// <param name="WidestColumn">The categorical column with the most one-hot features (null without one).</param>
/// <param name="WidestFeatures">Its feature count.</param>
public sealed record FeatureMatrixSize(long Rows, long Features, long Available, string? WidestColumn, int WidestFeatures)
{
    /// <summary>float32 bytes.</summary>
    public long Bytes => Rows * Features * sizeof(float);

    /// <summary>Whether one .NET array can hold it and the memory is there.</summary>
    public bool Fits => Rows * Features <= Array.MaxLength && Bytes <= Available;

    /// <summary>"160,000 rows × 100,050 features (64 GB of float32), more than the 12 GB of memory available".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"the feature matrix would be {Rows:N0} rows × {Features:N0} features ({MemoryBudget.Format(Bytes)} of float32), ")
        + (Rows * Features > Array.MaxLength
            ? string.Create(CultureInfo.InvariantCulture, $"more values than one array can hold ({Array.MaxLength:N0})")
            : $"more than the {MemoryBudget.Format(Available)} of memory available")
        + (WidestColumn is null ? "" : string.Create(CultureInfo.InvariantCulture, $"; column '{WidestColumn}' alone is one-hot encoded into {WidestFeatures:N0} features"));
}

public sealed partial class Preprocessor
{
    /// <summary>The size of the matrix <see cref="Transform"/> would allocate for <paramref name="rows"/> rows.</summary>
    public FeatureMatrixSize MatrixSize(long rows)
    {
        string? widest = null;
        int width = 0;
        for (int j = 0; j < _categorical.Length; j++)
            if (OneHot!.Width(j) > width) (widest, width) = (_categorical[j], OneHot.Width(j));
        return new FeatureMatrixSize(rows, _names.Length, MemoryBudget.Available(), widest, width);
    }

    // Before a transform allocates: a refusal that names the cause, not an overflow or an out-of-memory crash.
    void CheckMatrixSize(long rows, string? source)
    {
        var size = MatrixSize(rows);
        if (!size.Fits)
            throw new DataException(size.Describe() + "; group rare categories (max_categories, min_frequency) or leave columns out", source);
    }
}
