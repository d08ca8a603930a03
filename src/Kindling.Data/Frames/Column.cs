namespace Kindling.Data;

/// <summary>One named column of a <see cref="Frame"/>: numeric or categorical, with missing values marked.</summary>
public abstract class Column
{
    private protected Column(string name) => Name = name;

    /// <summary>The column's name (from the header, or <c>c0..cN</c> without one).</summary>
    public string Name { get; }

    /// <summary>Numeric or categorical.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>Number of rows.</summary>
    public abstract int Length { get; }

    /// <summary>Whether row <paramref name="row"/> holds no value.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>Number of rows holding no value.</summary>
    public virtual int MissingCount
    {
        get
        {
            int n = 0;
            for (int i = 0; i < Length; i++) if (IsMissing(i)) n++;
            return n;
        }
    }

    /// <summary>The value of row <paramref name="row"/> as text (numbers in invariant round-trip form; empty if missing).</summary>
    public abstract string Format(int row);

    internal abstract Column Take(ReadOnlySpan<int> rows);

    internal abstract Column Rename(string name);
}
