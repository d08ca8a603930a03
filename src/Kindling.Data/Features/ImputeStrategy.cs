namespace Kindling.Data;

/// <summary>How <see cref="SimpleImputer"/> fills a missing value (scikit-learn's <c>strategy</c>).</summary>
public enum ImputeStrategy
{
    /// <summary>The column's mean over the non-missing training values.</summary>
    Mean,

    /// <summary>The column's median (the average of the two middle values for an even count).</summary>
    Median,

    /// <summary>The most frequent value; ties go to the smallest, as in sklearn.</summary>
    MostFrequent,

    /// <summary>A fixed fill value.</summary>
    Constant,
}
