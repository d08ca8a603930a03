using System.Globalization;

namespace Kindling.Training;

public sealed partial class Trainer
{
    const string FormatKey = "kindling_checkpoint";
    const string FormatVersion = "1";

    /// <summary>Writes everything a resumed run needs to continue bit for bit: model, optimizer and scheduler
    /// states, the default generator's state, the epoch, the history and early stopping's state. Atomic.</summary>
    /// <remarks>One safetensors file: tensors under <c>model.</c>, <c>optimizer.</c>, <c>scheduler.</c> and
    /// <c>early_stopping.</c>; the rest as metadata strings.</remarks>
    public void SaveCheckpoint(string path)
    {
        var tensors = new List<KeyValuePair<string, Tensor>>();
        Add(tensors, "model.", Model.StateDict());
        Add(tensors, "optimizer.", Optimizer.StateDict());
        if (Scheduler is not null) Add(tensors, "scheduler.", Scheduler.StateDict());
        var stopper = Callbacks.OfType<EarlyStopping>().FirstOrDefault();
        if (stopper?.BestState is not null) Add(tensors, "early_stopping.", stopper.BestState);

        var metadata = new Dictionary<string, string>
        {
            [FormatKey] = FormatVersion,
            ["epoch"] = Epoch.ToString(CultureInfo.InvariantCulture),
            ["rng_state"] = Convert.ToBase64String(Torch.GetRngState()),
            ["history"] = HistoryJson.Write(History),
        };
        if (stopper is not null)
            metadata["early_stopping"] = string.Create(CultureInfo.InvariantCulture,
                $"{stopper.Best?.ToString("R", CultureInfo.InvariantCulture) ?? ""};{stopper.BestEpoch};{stopper.Wait}");
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        StateDictFile.Save(path, tensors, metadata);
    }

    /// <summary>Restores a checkpoint written by <see cref="SaveCheckpoint"/> into this trainer (same model
    /// architecture, optimizer and scheduler types); the next <see cref="Fit"/> continues after its epoch.</summary>
    /// <exception cref="Io.SafeTensorsException">The file is missing or corrupted.</exception>
    /// <exception cref="InvalidDataException">The file is not a Kindling checkpoint.</exception>
    public void LoadCheckpoint(string path)
    {
        var (state, metadata) = StateDictFile.Load(path);
        if (!metadata.TryGetValue(FormatKey, out var version) || version != FormatVersion)
            throw new InvalidDataException($"{path}: not a Kindling checkpoint (format {version ?? "missing"})");
        Model.LoadStateDict(Prefixed(state, "model."));
        Optimizer.LoadStateDict(Prefixed(state, "optimizer."));
        Scheduler?.LoadStateDict(Prefixed(state, "scheduler."));
        Torch.SetRngState(Convert.FromBase64String(metadata["rng_state"]));
        History = HistoryJson.Read(metadata["history"]);
        var stopper = Callbacks.OfType<EarlyStopping>().FirstOrDefault();
        if (stopper is not null && metadata.TryGetValue("early_stopping", out var es))
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
