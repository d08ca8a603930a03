namespace Kindling;

/// <summary>The (values, indices) pair returned by <c>Max(dim)</c> and <c>Min(dim)</c>, as PyTorch's named tuple;
/// deconstructs: <c>var (values, indices) = x.Max(1);</c>.</summary>
/// <param name="Values">The extreme values along the dimension.</param>
/// <param name="Indices">Their positions along the dimension (int64).</param>
public readonly record struct ValuesIndices(Tensor Values, Tensor Indices);
