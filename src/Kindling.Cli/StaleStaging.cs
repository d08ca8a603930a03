using System.Globalization;
using System.Text.RegularExpressions;

namespace Kindling.Cli;

/// <summary>Finds the hidden staging folders that killed runs left behind (".NAME.partial-PID-RANDOM") and tells
/// them from the staging folders of runs still in progress.</summary>
static partial class StaleStaging
{
    [GeneratedRegex(@"^\..+\.partial-(\d+)(-[0-9a-f]{8})?$", RegexOptions.CultureInvariant)]
    private static partial Regex StagingName();

    /// <summary>One staging folder: its path, the process that made it, and whether that run is still alive.</summary>
    public sealed record Folder(string Path, int Pid, bool Live, long Bytes);

    /// <summary>The staging folders directly inside <paramref name="directory"/>.</summary>
    public static IReadOnlyList<Folder> Find(string directory)
    {
        var found = new List<Folder>();
        foreach (var path in Directory.EnumerateDirectories(directory, ".*").Order(StringComparer.Ordinal))
        {
            var match = StagingName().Match(System.IO.Path.GetFileName(path));
            if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
            found.Add(new Folder(path, pid, IsLive(path, pid), Size(path)));
        }
        return found;
    }

    /// <summary>A run holds an exclusive lock on its owner file while it lives, which survives PID reuse (PID 1 in every
    /// container). Folders from before owner files existed are judged by their process id alone.</summary>
    static bool IsLive(string path, int pid)
    {
        string owner = System.IO.Path.Combine(path, RunDirectory.OwnerFile);
        if (File.Exists(owner))
        {
            try
            {
                using var probe = new FileStream(owner, FileMode.Open, FileAccess.Read, FileShare.None);
                return false;
            }
            catch (IOException)
            {
                return true;
            }
            catch (UnauthorizedAccessException)
            {
                return true;   // another user's run: not ours to judge or remove
            }
        }
        return ProcessExists(pid);
    }

    static bool ProcessExists(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{pid}");
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static long Size(string path)
    {
        try
        {
            return Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
