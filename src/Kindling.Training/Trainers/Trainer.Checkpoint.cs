using System.Globalization;
using Kindling.Training.Checkpoints;

namespace Kindling.Training;

public sealed partial class Trainer
{
    internal const string FormatKey = "kindling_checkpoint";
    internal const string EmbeddedHistory = "1";   // the history in the file's metadata (SaveCheckpoint)
    internal const string HistoryBeside = "2";     // the history in history.jsonl beside the file (Fit's checkpoints)
    internal const string EarlyStoppingKey = "early_stopping";   // "best;best epoch;wait"

    /// <summary>Writes everything a resumed run needs to continue bit for bit: model, optimizer and scheduler
    /// states, the default generator's state, the epoch, the history and early stopping's state. Atomic.</summary>
    /// <remarks>One safetensors file: tensors under <c>model.</c>, <c>optimizer.</c>, <c>scheduler.</c> and
    /// <c>early_stopping.</c>; the rest as metadata strings. The checkpoints <see cref="Fit"/> writes keep the
    /// history in <c>history.jsonl</c> beside them instead, so their size does not grow with the run.</remarks>
    public void SaveCheckpoint(string path)
    {
        var (tensors, metadata) = CheckpointState(embedHistory: true);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        StateDictFile.Save(path, tensors, metadata);
    }

    (List<KeyValuePair<string, Tensor>> Tensors, Dictionary<string, string> Metadata) CheckpointState(bool embedHistory)
    {
        var tensors = new List<KeyValuePair<string, Tensor>>();
        Add(tensors, "model.", Model.StateDict());
        Add(tensors, "optimizer.", Optimizer.StateDict());
        if (Scheduler is not null) Add(tensors, "scheduler.", Scheduler.StateDict());
        var stopper = Callbacks.OfType<EarlyStopping>().FirstOrDefault();
        if (stopper?.BestState is not null) Add(tensors, "early_stopping.", stopper.BestState);

        var metadata = new Dictionary<string, string>
        {
            [FormatKey] = embedHistory ? EmbeddedHistory : HistoryBeside,
            ["epoch"] = Epoch.ToString(CultureInfo.InvariantCulture),
            ["rng_state"] = Convert.ToBase64String(Torch.GetRngState()),
        };
        if (embedHistory) metadata["history"] = HistoryJson.Write(History);
        else if (Epoch > 0) metadata["train_loss"] = History.Epochs[^1].TrainLoss.ToString("R", CultureInfo.InvariantCulture);
        if (stopper is not null)
            metadata[EarlyStoppingKey] = string.Create(CultureInfo.InvariantCulture,
                $"{stopper.Best?.ToString("R", CultureInfo.InvariantCulture) ?? ""};{stopper.BestEpoch};{stopper.Wait}");
        return (tensors, metadata);
    }

    // Fit's periodic checkpoint: the state copied here, written by the saver's thread. Ranked by validation
    // loss when there is one, else training loss.
    void QueueCheckpoint(CheckpointSaver saver, EpochRecord record)
    {
        var (tensors, metadata) = CheckpointState(embedHistory: false);
        var (arrays, meta) = StateDictFile.Prepare(tensors, metadata);
        saver.Save(CheckpointName(record.Epoch), record.Epoch, record.ValLoss ?? record.TrainLoss, History, arrays, meta);
    }

    /// <summary>Restores a checkpoint written by <see cref="SaveCheckpoint"/> or <see cref="Fit"/> into this trainer (same model
    /// architecture, optimizer and scheduler types); the next <see cref="Fit"/> continues after its epoch.</summary>
    /// <exception cref="Io.SafeTensorsException">The file is missing or corrupted.</exception>
    /// <exception cref="InvalidDataException">The file is not a Kindling checkpoint.</exception>
    public void LoadCheckpoint(string path)
    {
        var (state, metadata) = StateDictFile.Load(path);
        CheckpointInfo.CheckFormat(metadata, path);
        string version = metadata[FormatKey];
        // Read before any state changes, so a missing or foreign history leaves this trainer as it was.
        var history = version == EmbeddedHistory ? HistoryJson.Read(metadata["history"])
            : HistoryLog.Read(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, HistoryLog.FileName),
                int.Parse(metadata["epoch"], CultureInfo.InvariantCulture), metadata.GetValueOrDefault("train_loss", ""), path);
        Model.LoadStateDict(Prefixed(state, "model."));
        Optimizer.LoadStateDict(Prefixed(state, "optimizer."));
        Scheduler?.LoadStateDict(Prefixed(state, "scheduler."));
        Torch.SetRngState(Convert.FromBase64String(metadata["rng_state"]));
        History = history;
        var stopper = Callbacks.OfType<EarlyStopping>().FirstOrDefault();
        if (stopper is not null && metadata.TryGetValue(EarlyStoppingKey, out var es))
        {
            var parts = es.Split(';');
            var best = Prefixed(state, "early_stopping.");
            stopper.Restore(parts[0].Length == 0 ? null : double.Parse(parts[0], CultureInfo.InvariantCulture),
                int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture),
                best.Count == 0 ? null : best);
        }
    }

    static void Add(List<KeyValuePair<string, Tensor>> into, string prefix, IEnumerable<KeyValuePair<string, Tensor>> state)
    {
        foreach (var (name, tensor) in state) into.Add(new(prefix + name, tensor));
    }

    static OrderedDictionary<string, Tensor> Prefixed(OrderedDictionary<string, Tensor> state, string prefix)
    {
        var part = new OrderedDictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in state)
            if (name.StartsWith(prefix, StringComparison.Ordinal)) part[name[prefix.Length..]] = tensor;
        return part;
    }
}
