namespace Kindling.Cli;

/// <summary>Checks an output file path before any work is done, so a bad one fails at once and clearly.</summary>
static class OutputPath
{
    public static void Check(string? path, string option)
    {
        if (path is null) return;
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new UsageException($"{option}: {full} is a folder; give a file name");
        string? parent = Path.GetDirectoryName(full);
        // A file where the folder should be first: it "does not exist" as a folder either, but that would mislead.
        if (parent is not null && File.Exists(parent))
            throw new UsageException($"{option}: {parent} is a file, not a folder");
        if (parent is not null && !Directory.Exists(parent))
            throw new UsageException($"{option}: the folder {parent} does not exist");
    }
}
