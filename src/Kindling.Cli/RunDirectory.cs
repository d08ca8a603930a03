using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kindling.Training.Checkpoints;

namespace Kindling.Cli;

/// <summary>The run finished but could not take its final name; it stays in the staging folder the message names.</summary>
sealed class RunKeptException(string message) : Exception(message);

/// <summary>A run folder that appears all at once: written under a hidden staging name beside it and renamed
/// into place at the end, so a failed or killed run never leaves a half-written folder under the real name
/// and never touches an existing one.</summary>
/// <remarks>The staging name is unique per run (process id + random suffix) and owned exclusively: the run creates
/// <see cref="OwnerFile"/> inside it with O_EXCL and holds an exclusive lock on it until it ends, so two runs never
/// share a staging folder — not even in containers where every run is PID 1 — and <c>kindling clean</c> can tell a
/// dead run's folder (lock free) from a live one's.</remarks>
sealed class RunDirectory : IDisposable
{
    /// <summary>The lock file a live run holds in its staging folder.</summary>
    public const string OwnerFile = ".kindling-owner";
    /// <summary>What staging names contain between the run's name and the owner's id.</summary>
    public const string Marker = ".partial-";
    const int MaxNameBytes = 255;   // NAME_MAX on Linux and macOS; NTFS counts UTF-16 units, fewer than bytes

    FileStream? owner;

    public string Final { get; }
    public string Staging { get; }

    RunDirectory(string final, string staging, FileStream owner)
    {
        Final = final;
        Staging = staging;
        this.owner = owner;
    }

    /// <summary>Checks that the destination is free and creates the staging folder.</summary>
    public static RunDirectory Reserve(string? requested)
    {
        string final = Path.TrimEndingDirectorySeparator(Path.GetFullPath(requested ?? DefaultName()));
        if (Path.GetFileName(final).Length == 0) throw new UsageException($"--out: '{requested}' names no folder");
        if (Directory.Exists(final) || File.Exists(final))
            throw new UsageException($"--out: {final} already exists; Kindling never overwrites a run folder — choose another --out");
        string parent = Path.GetDirectoryName(final) ?? ".";
        try
        {
            Directory.CreateDirectory(parent);
            for (int attempt = 0; ; attempt++)
            {
                string staging = Path.Combine(parent, StagingName(Path.GetFileName(final)));
                Directory.CreateDirectory(staging);
                var lockFile = TryOwn(staging);
                if (lockFile is not null) return new RunDirectory(final, staging, lockFile);
                if (attempt == 8) throw new IOException($"no free staging name beside {final}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot write to {parent}: {e.Message}");
        }
    }

    /// <summary>".NAME.partial-PID-RANDOM", with NAME shortened (whole characters) so the whole stays within NAME_MAX:
    /// a legal 255-byte --out name must not fail for its staging name.</summary>
    internal static string StagingName(string name)
    {
        string suffix = string.Create(CultureInfo.InvariantCulture, $"{Marker}{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        int budget = MaxNameBytes - 1 - Encoding.UTF8.GetByteCount(suffix);
        var kept = new StringBuilder();
        int bytes = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (bytes + rune.Utf8SequenceLength > budget) break;
            kept.Append(rune.ToString());
            bytes += rune.Utf8SequenceLength;
        }
        return "." + kept + suffix;
    }

    /// <summary>Creates the owner file exclusively and locks it; null when another run got there first.</summary>
    internal static FileStream? TryOwn(string staging)
    {
        try
        {
            // CreateNew is O_EXCL; FileShare.None takes an exclusive advisory lock that lasts as long as the handle.
            var stream = new FileStream(Path.Combine(staging, OwnerFile), FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"pid {Environment.ProcessId}\nstarted {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}\n")));
            stream.Flush();
            return stream;
        }
        catch (IOException) when (File.Exists(Path.Combine(staging, OwnerFile)))
        {
            return null;
        }
    }

    /// <summary>Moves the finished staging folder to its final name, durably (the parent folder is flushed).</summary>
    public void Commit()
    {
        if (Directory.Exists(Final) || File.Exists(Final))
            throw new RunKeptException($"--out: {Final} appeared while training; the finished run is kept in {Staging}");
        ReleaseOwner(delete: true);
        try
        {
            Directory.Move(Staging, Final);
        }
        catch (IOException) when (Directory.Exists(Final) || File.Exists(Final))
        {
            // Another run took the name between the check and the rename: this run's outcome is its own folder.
            throw new RunKeptException($"--out: {Final} was taken by another run at the same moment; this finished run is kept in {Staging}");
        }
        try
        {
            DirectorySync.Flush(Path.GetDirectoryName(Final) ?? ".");
        }
        catch (IOException)
        {
            // The rename happened; a file system that cannot flush a folder (some network mounts) keeps it in cache.
        }
    }

    /// <summary>After the disk filled up: the staging folder stays with every file that was completed (each is written
    /// atomically, the model first and the plots last; checkpoints are never deleted on an I/O error), and the
    /// message says where it is and what it holds.</summary>
    public RunKeptException KeepAfterDiskFull(Exception e)
    {
        ReleaseOwner(delete: false);
        var complete = Directory.Exists(Staging)
            ? Directory.EnumerateFiles(Staging).Select(Path.GetFileName).Where(n => n is not null && !n.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];
        string kept = complete.Count == 0 ? "no file was completed" : $"the completed files are kept: {string.Join(", ", complete)}";
        string reason = e.Message.Split(" : '")[0];   // .NET appends the temp file's path, which says nothing to the user
        return new RunKeptException($"the disk holding {Path.GetDirectoryName(Final)} is full — {reason}; the run was not moved to {Final}; {kept} in {Staging} — free some space, or train again with --out on another disk");
    }

    /// <summary>Removes the staging folder after a failure (a run killed by a signal keeps it, with its checkpoints).</summary>
    public void Abandon()
    {
        ReleaseOwner(delete: false);
        try
        {
            if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    void ReleaseOwner(bool delete)
    {
        if (owner is null) return;
        owner.Dispose();
        if (delete) File.Delete(owner.Name);   // the finished run folder holds only the run's files
        owner = null;
    }

    public void Dispose() => ReleaseOwner(delete: false);

    static string DefaultName()
    {
        string stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string name = Path.Combine("runs", stamp);
        for (int i = 2; Directory.Exists(name); i++) name = Path.Combine("runs", $"{stamp}-{i}");
        return name;
    }
}
