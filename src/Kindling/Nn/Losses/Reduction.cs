namespace Kindling.Nn;

/// <summary>How a loss combines its per-element values (PyTorch's <c>reduction='none'|'mean'|'sum'</c>).</summary>
public enum Reduction
{
    /// <summary>Return the per-element (per-sample) losses unreduced.</summary>
    None,

    /// <summary>Average (weighted average for class-weighted losses): PyTorch's default.</summary>
    Mean,

    /// <summary>Sum.</summary>
    Sum,
}
