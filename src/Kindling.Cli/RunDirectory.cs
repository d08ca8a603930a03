using System.Globalization;

namespace Kindling.Cli;

/// <summary>The run finished but could not take its final name; it stays in the staging folder the message names.</summary>
sealed class RunKeptException(string message) : Exception(message);

/// <summary>A run folder that appears all at once: written under a hidden staging name beside it and renamed
/// into place at the end, so a failed or killed run never leaves a half-written folder under the real name
/// and never touches an existing one.</summary>
sealed class RunDirectory
{
    public string Final { get; }
    public string Staging { get; }

    RunDirectory(string final, string staging)
    {
        Final = final;
        Staging = staging;
    }

    /// <summary>Checks that the destination is free and creates the staging folder.</summary>
    public static RunDirectory Reserve(string? requested)
    {
        string final = Path.TrimEndingDirectorySeparator(Path.GetFullPath(requested ?? DefaultName()));
        if (Path.GetFileName(final).Length == 0) throw new UsageException($"--out: '{requested}' names no folder");
        if (Directory.Exists(final) || File.Exists(final))
            throw new UsageException($"--out: {final} already exists; Kindling never overwrites a run folder — choose another --out");
        string parent = Path.GetDirectoryName(final) ?? ".";
        string staging = Path.Combine(parent, $".{Path.GetFileName(final)}.partial-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
            var probe = Path.Combine(staging, ".write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot write to {parent}: {e.Message}");
        }
        return new RunDirectory(final, staging);
    }

    /// <summary>Moves the finished staging folder to its final name.</summary>
    public void Commit()
    {
        if (Directory.Exists(Final) || File.Exists(Final))
            throw new RunKeptException($"--out: {Final} appeared while training; the finished run is kept in {Staging}");
        Directory.Move(Staging, Final);
    }

    /// <summary>Removes the staging folder after a failure (a run killed by a signal keeps it, with its checkpoints).</summary>
    public void Abandon()
    {
        try
        {
            if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    static string DefaultName()
    {
        string stamp = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string name = Path.Combine("runs", stamp);
        for (int i = 2; Directory.Exists(name); i++) name = Path.Combine("runs", $"{stamp}-{i}");
        return name;
    }
}
