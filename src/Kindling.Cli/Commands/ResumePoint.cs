using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.Training;
using Kindling.Training.Io;

namespace Kindling.Cli.Commands;

/// <summary>Where a resumed run starts: the earlier run's newest checkpoint and what was fitted on its training rows
/// (the classes and the preprocessing), which the resumed run uses as they are instead of fitting them again.</summary>
/// <param name="Run">The run folder (or a killed run's staging folder) being continued.</param>
/// <param name="Checkpoint">Its newest checkpoint.</param>
/// <param name="Epoch">The epoch that checkpoint was written after.</param>
/// <param name="Labels">The run's classes, in index order.</param>
/// <param name="Preprocessor">The run's preprocessing, fitted on its training rows.</param>
sealed record ResumePoint(string Run, string Checkpoint, int Epoch, LabelEncoder Labels, Preprocessor Preprocessor)
{
    /// <summary>Puts the checkpoint's state into <paramref name="trainer"/> (built and seeded as the run was): weights,
    /// optimizer, scheduler, early stopping, the random generator and the history. Returns a note for the user.</summary>
    public string Restore(Trainer trainer)
    {
        try
        {
            trainer.LoadCheckpoint(Checkpoint);
        }
        catch (Exception e) when (e is InvalidDataException or SafeTensorsException or ArgumentException or InvalidOperationException)
        {
            // The library's messages begin with the file they are about: do not name it twice.
            string problem = e.Message.StartsWith(Checkpoint, StringComparison.Ordinal) ? e.Message[Checkpoint.Length..].TrimStart(':', ' ') : e.Message;
            throw new ModelFileException(Checkpoint, $"cannot be resumed: {problem}", e);
        }
        return $"continued {Run} from its checkpoint after epoch {Epoch}";
    }

    /// <summary>Records in model.json's training options where this run came from.</summary>
    public void Annotate(JsonObject training) =>
        training["resumed_from"] = new JsonObject { ["run"] = Run, ["epoch"] = Epoch };
}
