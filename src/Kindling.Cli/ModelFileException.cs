namespace Kindling.Cli;

/// <summary>A run folder or model file that cannot be used: missing, unreadable or corrupted.</summary>
sealed class ModelFileException(string path, string problem, Exception? inner = null)
    : Exception($"{path}: {problem}", inner)
{
    public string Path { get; } = path;
}
