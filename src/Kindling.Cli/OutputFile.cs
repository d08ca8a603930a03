namespace Kindling.Cli;

/// <summary>Writes a file a command was asked for (<c>--output</c>, <c>--onnx</c>), turning every way the destination
/// can be unwritable (a file where a folder should be, no permission, a read-only file system) into one clear error
/// that names the option and the path — not the temporary name the atomic writer used.</summary>
static class OutputFile
{
    public static void Write(string option, string path, Action<string> write)
    {
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new UsageException($"{option}: {full} is a folder; give a file name");
        for (string? folder = Path.GetDirectoryName(full); folder is not null; folder = Path.GetDirectoryName(folder))
            if (File.Exists(folder)) throw new UsageException($"{option}: cannot write {full}: {folder} is a file, not a folder");
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
