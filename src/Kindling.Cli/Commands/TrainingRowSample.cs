using System.Globalization;
using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary>Honest evaluation (issue 15, item 4). At training, model.json's data section keeps a sample of the
/// training rows' hashes (<see cref="RowHashes"/>): every row whose hash is a multiple of a power of two chosen so that
/// at most ~<see cref="MaxStored"/> are kept (all of them for a small file). At evaluation, the rows whose hash falls
/// in the same sample are looked up: a row of the training data is found wherever it sits in the file, and a held-out
/// row only if it is an exact duplicate of a training row (a leak too). With the file's own sha256, this names both
/// ways a model gets scored on what it was trained on.</summary>
static class TrainingRowSample
{
    const int MaxStored = 2048;

    /// <summary>Warn when at least this share of the checked rows are training rows.</summary>
    const double WarnShare = 0.05;

    public static JsonObject Create(Frame frame, Preprocessor p, string target, int[] trainRows)
    {
        var columns = p.NumericColumns.Concat(p.CategoricalColumns).Append(target).ToArray();
        ulong modulus = 1;
        while ((ulong)trainRows.Length / modulus > MaxStored) modulus *= 2;
        var kept = RowHashes.Compute(frame, columns, trainRows).Where(h => h % modulus == 0).Distinct().Order().ToArray();
        var bytes = new byte[kept.Length * sizeof(ulong)];
        for (int i = 0; i < kept.Length; i++) System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), kept[i]);
        return new JsonObject
        {
            ["columns"] = new JsonArray([.. columns.Select(c => (JsonNode)c)]),
            ["modulus"] = modulus,
            ["hashes"] = Convert.ToBase64String(bytes),
        };
    }

    /// <summary>The warnings for evaluating <paramref name="saved"/> on <paramref name="frame"/> (read from <paramref name="data"/>).</summary>
    public static IEnumerable<string> Warnings(SavedModel saved, Frame frame, string data)
    {
        if (saved.Data["sha256"]?.GetValue<string>() is { } trained && DataSource.Sha256(data) == trained)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"warning: this is the very data the model was trained on (its SHA-256 is model.json's data.sha256): the scores below include its {saved.Data["train_rows"]} training rows and overstate accuracy on new data; evaluate on rows kept out of training");
            yield break;
        }
        if (Overlap(saved, frame) is (int found, int checkedRows, ulong modulus) && checkedRows > 0 && found >= Math.Max(1, WarnShare * checkedRows))
            yield return string.Create(CultureInfo.InvariantCulture,
                $"warning: {found} of the {checkedRows} rows checked{(modulus > 1 ? $" (a hash sample, 1 row in {modulus})" : "")} ({100.0 * found / checkedRows:0}%) are identical to rows the model was trained on: the scores below overstate accuracy on new data");
    }

    static (int Found, int Checked, ulong Modulus)? Overlap(SavedModel saved, Frame frame)
    {
        // A run folder from before the sample, or a hand-edited one, only loses the check, never the evaluation.
        if (saved.Data["train_row_sample"] is not JsonObject sample || sample["columns"] is not JsonArray names
            || sample["modulus"] is not JsonValue m || !m.TryGetValue(out ulong modulus) || modulus == 0
            || sample["hashes"] is not JsonValue h || !h.TryGetValue(out string? base64)) return null;
        var columns = names.Select(c => c is JsonValue v && v.TryGetValue(out string? name) ? name : null).ToArray();
        if (columns.Any(c => c is null || !frame.Contains(c))) return null;
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out int length)) return null;
        var stored = new HashSet<ulong>();
        for (int i = 0; i + 8 <= length; i += 8) stored.Add(System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i)));
        int found = 0, checkedRows = 0;
        foreach (ulong hash in RowHashes.Compute(frame, columns!))
        {
            if (hash % modulus != 0) continue;
            checkedRows++;
            if (stored.Contains(hash)) found++;
        }
        return (found, checkedRows, modulus);
    }
}
