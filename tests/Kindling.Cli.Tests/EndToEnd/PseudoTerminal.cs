using System.Diagnostics;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Runs the built CLI on a pseudo-terminal, as a user's terminal runs it: util-linux's <c>script</c>, or
/// python3's <c>pty</c> module when script is absent.</summary>
static class PseudoTerminal
{
    /// <summary>Why a pseudo-terminal cannot be opened here, or null when one can.</summary>
    public static string? Missing { get; } =
        Which("script") is not null || Which("python3") is not null ? null : "neither util-linux 'script' nor python3 is installed: no pseudo-terminal to test under";

    /// <summary>Runs <c>kindling args</c> with <paramref name="environment"/> added; returns the exit code and
    /// everything the terminal received, escape sequences included.</summary>
    public static (int ExitCode, string Output) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        string dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        string[] command = [dotnet, Cli.Assembly, .. args];
        var info = Which("script") is { } script
            ? new ProcessStartInfo(script) { ArgumentList = { "-q", "-e", "-c", string.Join(' ', command.Select(Quote)), "/dev/null" } }
            : new ProcessStartInfo(Which("python3")!) { ArgumentList = { "-c", "import pty, sys; sys.exit(pty.spawn(sys.argv[1:]) >> 8)" } };
        if (info.FileName.EndsWith("python3", StringComparison.Ordinal))
            foreach (var a in command) info.ArgumentList.Add(a);
        info.WorkingDirectory = workingDirectory;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.RedirectStandardInput = true;
        info.UseShellExecute = false;
        // Spectre.Console turns live widgets off under CI servers; a user's terminal has none of these.
        foreach (var ci in new[] { "CI", "TF_BUILD", "GITHUB_ACTIONS", "GITLAB_CI", "TRAVIS", "APPVEYOR", "JENKINS_URL", "CIRCLECI", "TEAMCITY_VERSION", "BUILDKITE" })
            info.Environment.Remove(ci);
        info.Environment["TERM"] = "xterm";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (k, v) in environment) info.Environment[k] = v;
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kindling {string.Join(' ', args)} on a pseudo-terminal did not finish in 3 minutes");
        }
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    static string Quote(string a) => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}

/// <summary>A fact that is reported as skipped, with the reason, where no pseudo-terminal can be opened.</summary>
sealed class PseudoTerminalFactAttribute : FactAttribute
{
    public PseudoTerminalFactAttribute()
    {
        if (PseudoTerminal.Missing is { } why) Skip = why;
    }
}
