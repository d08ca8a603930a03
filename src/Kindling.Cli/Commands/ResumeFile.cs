using System.Text.Json;
using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.Training.Plots;
using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary>A run folder's <c>resume.json</c>: what <c>kindling train --resume</c> needs to continue the run — its
/// settings, the data's fingerprint, and the classes and preprocessing fitted on its training rows. Written into the
/// staging folder before the first epoch, so a killed run's staging folder has it too.</summary>
static class ResumeFile
{
    public const string FileName = "resume.json";
    const string Format = "kindling-resume";
    const int FormatVersion = 1;

    /// <summary>What a run saved for its continuation.</summary>
    /// <param name="Settings">Its <see cref="TrainSettings"/> as JSON, keyed by option name (<c>batch-size</c>).</param>
    /// <param name="DataPath">The data it trained on: a full path, or an embedded dataset's name.</param>
    /// <param name="Sha256">That data's SHA-256.</param>
    public sealed record Saved(JsonObject Settings, string DataPath, string Sha256, LabelEncoder Labels, Preprocessor Preprocessor);

    public static void Write(string directory, TrainSettings s, string target, LabelEncoder labels, Preprocessor preprocessor, JsonObject data)
    {
        // The data as a full path, so that a resume from another working folder finds it; the target as resolved
        // (the embedded dataset's default), so that the same data named as a file still has it.
        var settings = JsonSerializer.SerializeToNode(s with { Data = (string)data["path"]!, Target = target }, SettingsJsonContext.Default.TrainSettings);
        var root = new JsonObject
        {
            ["format"] = Format,
            ["format_version"] = FormatVersion,
            ["kindling_version"] = RunFolder.KindlingVersion,
            ["settings"] = settings,
            ["target"] = target,
            ["data"] = data.DeepClone(),
            ["labels"] = JsonNode.Parse(labels.ToJson()),
            ["preprocessing"] = JsonNode.Parse(preprocessor.ToJson()),
        };
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Reads <paramref name="run"/>'s resume.json.</summary>
    /// <exception cref="ModelFileException">It is missing (the message says why that may be), of a newer format, or corrupted.</exception>
    public static Saved Read(string run)
    {
        string path = Path.Combine(run, FileName);
        if (!File.Exists(path))
        {
            string modelJson = Path.Combine(run, RunFolder.ModelJson);
            throw new ModelFileException(run, File.Exists(modelJson) && File.ReadAllText(modelJson).Contains("\"task\": \"regression\"", StringComparison.Ordinal)
                ? "is a regression run: --resume continues classification runs only in this version; train it again with the --epochs you want"
                : File.Exists(modelJson)
                ? $"has no {FileName}: it was trained by a Kindling without --resume support; train it again to continue it"
                : $"has no {FileName}: not a run folder of 'kindling train', or a run killed before its first epoch");
        }
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new ModelFileException(path, "empty");
            if ((string?)root["format"] != Format) throw new ModelFileException(path, "not a Kindling resume file");
            int version = (int?)root["format_version"] ?? 0;
            if (version != FormatVersion)
                throw new ModelFileException(path, $"resume format {version} is not supported (this Kindling reads {FormatVersion})");
            var data = root["data"]!.AsObject();
            return new Saved(root["settings"]!.AsObject(), (string)data["path"]!, (string)data["sha256"]!,
                LabelEncoder.FromJson(root["labels"]!.ToJsonString()), Preprocessor.FromJson(root["preprocessing"]!.ToJsonString()));
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or FormatException or KeyNotFoundException or DataException or ArgumentException)
        {
            throw new ModelFileException(path, $"corrupted or incomplete ({e.Message})", e);
        }
    }
}
