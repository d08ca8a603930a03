using System.Diagnostics;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>What one run of the built <c>kindling</c> command gave.</summary>
sealed record CliResult(int ExitCode, string Stdout, string Stderr, string CommandLine)
{
    public override string ToString() => $"kindling {CommandLine}\nexit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Runs the BUILT command as a child process: <c>dotnet Kindling.Cli.dll ...</c>, the assembly the
/// ProjectReference copied beside this test assembly (built once by <c>dotnet test</c>, never per test).</summary>
static class Cli
{
    /// <summary>A hung child fails its test instead of the whole run.</summary>
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static string Assembly { get; } = Path.Combine(AppContext.BaseDirectory, "Kindling.Cli.dll");

    /// <summary>The dotnet host running these tests (testhost runs under it), or the one on PATH.</summary>
    static string Host { get; } =
        Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    /// <summary>Starts <c>kindling args</c> in <paramref name="workingDirectory"/> without waiting.</summary>
    public static Process Start(string workingDirectory, params string[] args)
    {
        Assert.True(File.Exists(Assembly), $"the built CLI is missing: {Assembly}");
        var info = new ProcessStartInfo(Host)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Assembly);
        foreach (var a in args) info.ArgumentList.Add(a);
        // Plain text (no ANSI, no live progress bar) as when piped; a fixed thread count keeps timings calm.
        info.Environment["NO_COLOR"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }

    /// <summary>Runs <c>kindling args</c> to the end and captures its streams.</summary>
    public static CliResult Run(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"kindling {string.Join(' ', args)} did not finish in {Timeout}");
        }
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout.Result, stderr.Result, string.Join(' ', args.Select(Quote)));
    }

    static string Quote(string a) => a.Length == 0 || a.Contains(' ') ? $"'{a}'" : a;
}
