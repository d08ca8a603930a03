using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kindling.Training.Checkpoints;
using Kindling.Training.Io;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling train --resume RUN --epochs N</c>: the settings RUN was trained with, continued from its newest
/// checkpoint to N epochs in all. Options that would change what the run is (data, target, architecture, optimizer,
/// split, ...) are refused unless given with the value the run had; the data must be the same bytes unless
/// <c>--allow-changed-data</c> says otherwise.</summary>
/// <remarks>Generic over the settings: every option of <c>train</c> is compared by its name with the key of the same
/// name in resume.json (<see cref="SettingsJsonContext"/>), so an option added later is covered without code here.</remarks>
static class ResumeRun
{
    const string CheckpointFolder = "checkpoints";

    /// <summary>Options a continuation may set: how long, where to and how it runs, not what it trains.</summary>
    internal static readonly HashSet<string> Free = new(StringComparer.Ordinal)
    {
        "epochs", "out", "json", "threads", "checkpoint-every", "keep-checkpoints", "resume", "allow-changed-data", "data",
    };

    /// <summary>The settings to run: <paramref name="given"/> itself without --resume, else RUN's own settings with
    /// <see cref="TrainSettings.Resume"/> set.</summary>
    /// <exception cref="UsageException">An option is refused, or the data changed, or there is nothing to continue.</exception>
    public static TrainSettings Apply(ParseResult parsed, Command command, TrainSettings given)
    {
        if (given.ResumeFrom is not string requested)
        {
            if (given.AllowChangedData) throw new UsageException("--allow-changed-data only applies with --resume RUN");
            return given;
        }
        string run = Path.TrimEndingDirectorySeparator(Path.GetFullPath(requested));
        if (!Directory.Exists(run)) throw new UsageException($"--resume: {run} is not a folder; give a run folder written by 'kindling train' (or a killed run's staging folder)");
        var saved = ResumeFile.Read(run);
        var checkpoint = NewestCheckpoint(run);

        var explicitly = command.Options.Where(o => parsed.GetResult(o) is { Implicit: false }).ToList();
        RefuseChanges(explicitly, given, saved, run);
        if (!explicitly.Any(o => o.Name == "--epochs"))
            throw new UsageException($"--resume needs --epochs N, the number of epochs to reach in all ({run} has trained {checkpoint.Epoch})");
        if (given.Epochs <= checkpoint.Epoch)
            throw new UsageException($"--epochs {given.Epochs}: {run} is already at epoch {checkpoint.Epoch}; give a larger total to continue it");

        var settings = saved.Settings.Deserialize(SettingsJsonContext.Default.TrainSettings)
            ?? throw new ModelFileException(Path.Combine(run, ResumeFile.FileName), "has no settings");
        RefuseStoppedEarly(settings, checkpoint, run);
        string data = explicitly.Any(o => o.Name == "--data") ? given.Data : saved.DataPath;
        CheckData(data, saved, given.AllowChangedData, run);

        bool Given(string name) => explicitly.Any(o => o.Name == name);
        return settings with
        {
            Data = data,
            Epochs = given.Epochs,
            Out = given.Out,
            Json = given.Json,
            Threads = given.Threads,
            CheckpointEvery = Given("--checkpoint-every") ? given.CheckpointEvery : settings.CheckpointEvery,
            KeepCheckpoints = Given("--keep-checkpoints") ? given.KeepCheckpoints : settings.KeepCheckpoints,
            ResumeFrom = run,
            AllowChangedData = given.AllowChangedData,
            Resume = new ResumePoint(run, checkpoint.Path, checkpoint.Epoch, saved.Labels, saved.Preprocessor),
        };
    }

    static CheckpointInfo NewestCheckpoint(string run)
    {
        string folder = Path.Combine(run, CheckpointFolder);
        string path = CheckpointInfo.Newest(folder)
            ?? throw new UsageException($"--resume: {run} has no checkpoint in {folder} (killed before its first one?); train it again");
        try
        {
            return CheckpointInfo.Read(path);
        }
        catch (Exception e) when (e is InvalidDataException or SafeTensorsException)
        {
            string problem = e.Message.StartsWith(path, StringComparison.Ordinal) ? e.Message[path.Length..].TrimStart(':', ' ') : e.Message;
            throw new ModelFileException(path, problem, e);
        }
    }

    // An option given on the command line must have the value the run was trained with.
    static void RefuseChanges(List<Option> explicitly, TrainSettings given, ResumeFile.Saved saved, string run)
    {
        var asGiven = JsonSerializer.SerializeToNode(given, SettingsJsonContext.Default.TrainSettings)!.AsObject();
        foreach (var option in explicitly)
        {
            string key = option.Name.TrimStart('-');
            if (Free.Contains(key)) continue;
            if (!asGiven.TryGetPropertyValue(key, out var value))
                throw new UsageException($"--resume: {option.Name} cannot be used when continuing a run");
            saved.Settings.TryGetPropertyValue(key, out var before);
            if (Text(value) != Text(before))
                throw new UsageException($"--resume: {option.Name} {Shown(value)} would change what the run is ({run} was trained with {Shown(before)}); "
                    + $"leave {option.Name} out to continue the run as it was, or train a new run");
        }
    }

    static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    static string Shown(JsonNode? node) => node switch
    {
        null => "its default",
        JsonValue v when v.TryGetValue(out string? s) => s.Length == 0 ? "''" : s,
        _ => node.ToJsonString(),
    };

    // A run that early stopping ended would stop again after one more epoch: say so instead.
    static void RefuseStoppedEarly(TrainSettings settings, CheckpointInfo checkpoint, string run)
    {
        if (settings.EarlyStopping is int patience && checkpoint.EarlyStoppingWait >= patience)
            throw new UsageException($"--resume: {run} was stopped by early stopping after epoch {checkpoint.Epoch} (no improvement for {patience} epochs since epoch {checkpoint.EarlyStoppingBestEpoch}); "
                + "continuing it would stop again after one epoch. Train a new run with a larger --early-stopping");
    }

    static void CheckData(string data, ResumeFile.Saved saved, bool allowChanged, string run)
    {
        if (!DataSource.IsEmbedded(data) && !File.Exists(data))
            throw new UsageException($"--resume: the data {run} was trained on, {data}, no longer exists; give its new place with --data");
        string sha = DataSource.Sha256(data);
        if (sha == saved.Sha256 || allowChanged) return;
        throw new UsageException($"--resume: {data} is not the data {run} was trained on (sha256 {sha[..12]}…, was {saved.Sha256[..Math.Min(12, saved.Sha256.Length)]}…); "
            + "pass --allow-changed-data to continue on it anyway (the split is drawn again from its rows; the classes and preprocessing stay the run's)");
    }
}
