using System.Globalization;
using System.Text.RegularExpressions;
using Kindling.Training.Io;

namespace Kindling.Training.Checkpoints;

/// <summary>What a checkpoint written by <see cref="Trainer"/> says about itself besides its tensors, and which of a
/// folder's checkpoints is the newest: what a caller checks before it builds a trainer to resume.</summary>
/// <param name="Path">The file.</param>
/// <param name="Epoch">Epochs completed when it was written.</param>
/// <param name="EarlyStoppingWait">Early stopping's epochs without improvement at that point; null without early stopping.</param>
/// <param name="EarlyStoppingBestEpoch">Early stopping's best epoch at that point; null without early stopping.</param>
internal sealed partial record CheckpointInfo(string Path, int Epoch, int? EarlyStoppingWait, int? EarlyStoppingBestEpoch)
{
    [GeneratedRegex(@"^epoch-(\d{4,})\.safetensors$")]
    private static partial Regex FileName();

    /// <summary>The checkpoint of the highest epoch in <paramref name="directory"/> (named as <see cref="Trainer.Fit"/>
    /// names them), or null when there is none. Files are renamed into place once complete, so the newest named one is
    /// whole even after a kill.</summary>
    public static string? Newest(string directory)
    {
        if (!Directory.Exists(directory)) return null;
        string? newest = null;
        int highest = -1;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            var match = FileName().Match(System.IO.Path.GetFileName(file));
            if (match.Success && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out int epoch) && epoch > highest)
                (newest, highest) = (file, epoch);
        }
        return newest;
    }

    /// <summary>Reads a checkpoint's metadata.</summary>
    /// <exception cref="SafeTensorsException">The file is missing or corrupted.</exception>
    /// <exception cref="InvalidDataException">The file is not a Kindling checkpoint, or one of a newer format.</exception>
    public static CheckpointInfo Read(string path)
    {
        var metadata = SafeTensors.Read(path).Metadata;
        CheckFormat(metadata, path);
        if (!metadata.TryGetValue("epoch", out var epochText) || !int.TryParse(epochText, NumberStyles.None, CultureInfo.InvariantCulture, out int epoch))
            throw new InvalidDataException($"{path}: a Kindling checkpoint without its epoch (corrupted?)");
        int? wait = null, best = null;
        if (metadata.TryGetValue(Trainer.EarlyStoppingKey, out var es) && es.Split(';') is [_, var bestEpoch, var waited])
        {
            best = int.Parse(bestEpoch, CultureInfo.InvariantCulture);
            wait = int.Parse(waited, CultureInfo.InvariantCulture);
        }
        return new CheckpointInfo(path, epoch, wait, best);
    }

    /// <summary>Throws unless the metadata is of a checkpoint format this Kindling reads (1: history inside, 2: beside).</summary>
    /// <exception cref="InvalidDataException">Not a Kindling checkpoint, or a newer format (the message says which).</exception>
    internal static void CheckFormat(IReadOnlyDictionary<string, string> metadata, string path)
    {
        if (!metadata.TryGetValue(Trainer.FormatKey, out var version))
            throw new InvalidDataException($"{path}: not a Kindling checkpoint (no checkpoint format in its metadata)");
        if (version is Trainer.EmbeddedHistory or Trainer.HistoryBeside) return;
        throw new InvalidDataException(int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v > 2
            ? $"{path}: checkpoint format {version} was written by a newer Kindling (this one reads formats 1 and 2)"
            : $"{path}: not a Kindling checkpoint (format {version})");
    }
}
