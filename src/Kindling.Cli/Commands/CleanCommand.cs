using System.CommandLine;
using System.Globalization;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling clean</c>: lists and removes the hidden staging folders of killed runs.</summary>
static class CleanCommand
{
    public static Command Create()
    {
        var directory = new Argument<string[]>("DIR")
        {
            Description = "Folders to look in (default: the current folder and runs/, where runs are written).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "List the stale staging folders without removing them." };
        var command = new Command("clean", """
            Remove the hidden staging folders (.NAME.partial-…) that killed runs leave beside their --out folder.
            Folders of runs still in progress are listed and kept. A killed run's checkpoints are in its staging
            folder: look before you clean (or continue it with 'kindling train --resume FOLDER').
            """) { directory, dryRun };
        command.SetAction(parsed => Run(parsed.GetValue(directory) ?? [], parsed.GetValue(dryRun)));
        return command;
    }

    static int Run(string[] directories, bool dryRun)
    {
        if (directories.Length == 0) directories = Directory.Exists("runs") ? [".", "runs"] : ["."];
        foreach (var d in directories)
            if (!Directory.Exists(d)) throw new UsageException($"DIR: {d} is not a folder");
        int stale = 0, live = 0;
        foreach (var folder in directories.SelectMany(StaleStaging.Find))
        {
            string size = Megabytes(folder.Bytes);
            if (folder.Live)
            {
                live++;
                Console.WriteLine($"kept     {folder.Path}  (run in progress, pid {folder.Pid})");
                continue;
            }
            stale++;
            if (dryRun)
            {
                Console.WriteLine($"stale    {folder.Path}  ({size})");
                continue;
            }
            try
            {
                Directory.Delete(folder.Path, recursive: true);
                Console.WriteLine($"removed  {folder.Path}  ({size})");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"{folder.Path}: cannot remove it: {e.Message}");
            }
        }
        string verb = dryRun ? "found" : "removed";
        Console.WriteLine(stale + live == 0 ? "no staging folders found" : $"{verb} {stale} stale staging folder(s); {live} in progress");
        return ExitCodes.Success;
    }

    static string Megabytes(long bytes) => (bytes / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
