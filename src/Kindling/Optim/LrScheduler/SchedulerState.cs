namespace Kindling.Optim.LrScheduler;

/// <summary>Scheduler state as tensors: int64 scalars for counters, float64 for rates (infinity included).</summary>
internal static class SchedulerState
{
    public static Tensor Long(long value) => Tensor.FromArray(new[] { value });

    public static Tensor Double(double value) => Tensor.FromArray(new[] { value });

    public static Tensor Doubles(IReadOnlyList<double> values) => Tensor.FromArray(values.ToArray(), values.Count);

    public static long GetLong(IReadOnlyDictionary<string, Tensor> dict, string key) =>
        Get(dict, key, DType.Int64, 1).ToArray<long>()[0];

    public static double GetDouble(IReadOnlyDictionary<string, Tensor> dict, string key) =>
        Get(dict, key, DType.Float64, 1).ToArray<double>()[0];

    public static double[] GetDoubles(IReadOnlyDictionary<string, Tensor> dict, string key, int count) =>
        Get(dict, key, DType.Float64, count).ToArray<double>();

    private static Tensor Get(IReadOnlyDictionary<string, Tensor> dict, string key, DType dtype, int count)
    {
        ArgumentNullException.ThrowIfNull(dict);
        if (!dict.TryGetValue(key, out var t))
            throw new ArgumentException($"scheduler state dict has no '{key}' (it has: {string.Join(", ", dict.Keys)}).", nameof(dict));
        if (t.DType != dtype || t.NumEl != count)
            throw new ArgumentException($"scheduler state '{key}' is {t.DType} with {t.NumEl} elements, expected {dtype} with {count} (one per parameter group).", nameof(dict));
        return t;
    }
}
