using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary>Opens the run folder a command was given, turning every way it can be broken into one clear error.</summary>
static class ModelLoader
{
    public static SavedModel Load(string directory)
    {
        try
        {
            return RunFolder.Load(directory);
        }
        catch (InvalidDataException e)
        {
            // RunFolder's messages already begin with the folder or the file they are about: do not name it twice.
            string problem = e.Message.StartsWith(directory, StringComparison.Ordinal) ? e.Message[directory.Length..].TrimStart('/', ':', ' ') : e.Message;
            throw new ModelFileException(directory, problem, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(directory, $"cannot be read: {e.Message}", e);
        }
    }
}
