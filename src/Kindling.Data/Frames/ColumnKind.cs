namespace Kindling.Data;

/// <summary>How a column's values are stored and used: numbers or category labels (pandas' float64 vs object).</summary>
public enum ColumnKind
{
    /// <summary>Numbers, stored as <see cref="double"/> with NaN for a missing value.</summary>
    Numeric,

    /// <summary>Text labels, stored as strings with <c>null</c> for a missing value.</summary>
    Categorical,
}
