namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>A fresh folder under the system temp directory, deleted on dispose.</summary>
sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kindling-e2e-").FullName;

    public string this[string name] => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed child may still be closing files; the OS temp cleaner gets the rest.
        }
    }
}
