using System.Globalization;
using Kindling.Training.Io;

namespace Kindling.Training.Runs;

/// <summary>What a run folder's files must satisfy before Kindling trusts them: sizes checked before anything is
/// allocated, every tensor present and named as model.json describes, floating point and finite. A folder can be
/// consistent and still hostile (a 30-million-wide layer, one NaN that turns every prediction into the first class).</summary>
static class ModelChecks
{
    /// <summary>Refuses an architecture that is not one Kindling builds, before its weights are read.</summary>
    public static void CheckArchitecture(MlpSpec spec, string jsonPath, string weightsPath)
    {
        if (spec.Inputs < 1 || spec.Classes < 1 || spec.Hidden.Any(h => h < 1))
            throw new InvalidDataException($"{jsonPath}: layer sizes must be positive (inputs {spec.Inputs}, hidden [{string.Join(",", spec.Hidden)}], outputs {spec.Classes})");
        long parameters = spec.ParameterCount();
        if (parameters > MlpSpec.MaxParameters)
            throw new InvalidDataException($"{jsonPath}: describes a model of {Count(parameters)} parameters (inputs {spec.Inputs}, hidden [{string.Join(",", spec.Hidden)}], outputs {spec.Classes}); Kindling loads at most {Count(MlpSpec.MaxParameters)} (1 GiB of float32 weights)");
        // Every parameter takes at least 4 bytes (float32): a smaller file cannot hold them, whatever its header says.
        long length = new FileInfo(weightsPath).Length;
        if (length / sizeof(float) < parameters)
            throw new InvalidDataException($"{weightsPath}: {Count(length)} bytes cannot hold the {Count(parameters)} parameters {RunFolder.ModelJson} describes");
    }

    /// <summary>Refuses weights that are missing, extra, not floating point, or not finite; the message names the tensor.</summary>
    public static void CheckWeights(IEnumerable<string> expected, IReadOnlyDictionary<string, Tensor> state, string weightsPath)
    {
        var want = expected.ToList();
        var missing = want.Where(k => !state.ContainsKey(k)).ToList();
        var extra = state.Keys.Where(k => !want.Contains(k)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            var parts = new List<string>();
            if (missing.Count > 0) parts.Add($"lacks {Names(missing)}");
            if (extra.Count > 0) parts.Add($"holds {Names(extra)}, which {RunFolder.ModelJson} does not describe");
            throw new InvalidDataException($"{weightsPath}: {string.Join(" and ", parts)}");
        }
        foreach (var name in want)
        {
            var t = state[name];
            if (t.DType is not (DType.Float32 or DType.Float64))
                throw new InvalidDataException($"{weightsPath}: tensor '{name}' holds {t.DType.ToString().ToLowerInvariant()} values; model weights must be floating point");
            int bad = FirstNonFinite(t);
            if (bad >= 0)
                throw new InvalidDataException($"{weightsPath}: tensor '{name}' holds a non-finite value (NaN or infinity) at flat index {bad}; the weights are unusable — retrain, or restore an earlier checkpoint");
        }
    }

    static int FirstNonFinite(Tensor t)
    {
        if (t.DType == DType.Float64)
        {
            var d = t.ToArray<double>();
            for (int i = 0; i < d.Length; i++) if (!double.IsFinite(d[i])) return i;
            return -1;
        }
        var f = t.ToArray<float>();
        for (int i = 0; i < f.Length; i++) if (!float.IsFinite(f[i])) return i;
        return -1;
    }

    static string Names(List<string> names) =>
        string.Join(", ", names.Take(5).Select(n => $"'{n}'")) + (names.Count > 5 ? $" and {names.Count - 5} more" : "");

    static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
