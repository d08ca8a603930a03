using System.Diagnostics;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Runs the CLI while sampling the child's peak resident set (VmHWM in /proc/PID/status, Linux only).</summary>
static class PeakMemory
{
    /// <summary>The run's result and its peak RSS in bytes (the last VmHWM read before the child exited; null off Linux).</summary>
    public static (CliResult Result, long? PeakBytes) Run(string workingDirectory, params string[] args)
    {
        using var process = Cli.Start(workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long? peak = null;
        var clock = Stopwatch.StartNew();
        while (!process.HasExited)
        {
            if (ReadHwm(process.Id) is long hwm) peak = Math.Max(peak ?? 0, hwm);
            if (clock.Elapsed > TimeSpan.FromMinutes(3))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"kindling {string.Join(' ', args)} did not finish in 3 minutes");
            }
            Thread.Sleep(10);
        }
        process.WaitForExit();
        return (new CliResult(process.ExitCode, stdout.Result, stderr.Result, string.Join(' ', args)), peak);
    }

    static long? ReadHwm(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }
        return null;
    }
}
