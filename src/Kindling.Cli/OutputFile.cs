namespace Kindling.Cli;

/// <summary>Writes a file a command was asked for (<c>--output</c>, <c>--onnx</c>), turning every way the destination
/// can be unwritable (a file where a folder should be, no permission, a read-only file system) into one clear error
/// that names the option and the path — not the temporary name the atomic writer used.</summary>
static class OutputFile
{
    /// <summary>Checks the destination before any work is done, so a bad one fails at once.</summary>
    public static void Check(string? path, string option)
    {
        if (path is null) return;
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new UsageException($"{option}: {full} is a folder; give a file name");
        // A file where a folder should be first: it "does not exist" as a folder either, but that would mislead.
        for (string? folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
            if (File.Exists(folder)) throw new UsageException($"{option}: cannot write {full}: {folder} is a file, not a folder");
        string? parent = Path.GetDirectoryName(full);
        if (parent is not null && !Directory.Exists(parent))
            throw new UsageException($"{option}: the folder {parent} does not exist");
    }

    /// <summary>Writes through <paramref name="write"/> (an atomic writer), naming the option and path on failure.</summary>
    public static void Write(string option, string path, Action<string> write)
    {
        string full = Path.GetFullPath(path);
        Check(full, option);
        try
        {
            write(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot write {full}: {Reason(e)}");
        }
    }

    static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException or FileNotFoundException => "its folder cannot be written",
        _ => e.Message,
    };
}
