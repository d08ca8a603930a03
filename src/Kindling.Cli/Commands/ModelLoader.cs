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
            throw new ModelFileException(directory, e.Message, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(directory, $"cannot be read: {e.Message}", e);
        }
    }
}
