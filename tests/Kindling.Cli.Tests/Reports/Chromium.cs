using System.Diagnostics;
using System.Text.Json;

namespace Kindling.Cli.Tests.Reports;

/// <summary>What headless Chromium saw of one page: the DOM after load, its console messages, the requests the
/// page itself made (Chromium's own update and sign-in traffic left out) and a screenshot.</summary>
sealed record BrowserVisit(string Dom, IReadOnlyList<string> Console, IReadOnlyList<string> Requests, string Screenshot);

/// <summary>Drives Debian's <c>chromium</c> from the command line (no driver library): <c>--dump-dom</c>, then
/// <c>--screenshot</c>, each with a net log and the console on stderr.</summary>
static class Chromium
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The browser on PATH, or null.</summary>
    public static string? Path { get; } = Find();

    /// <summary>Why a browser test is skipped, or null to run it. Under CI (<c>CI</c> or <c>KINDLING_REQUIRE_BROWSER</c>
    /// set) a missing browser is not a skip: the test runs and fails.</summary>
    public static string? SkipReason =>
        Path is not null || Environment.GetEnvironmentVariable("CI") is { Length: > 0 } || Environment.GetEnvironmentVariable("KINDLING_REQUIRE_BROWSER") is { Length: > 0 }
            ? null
            : "chromium is not installed (apt-get install chromium; .ci/run installs it)";

    /// <param name="budget">For a live page: how long the page may run its script before the DOM is read.</param>
    public static BrowserVisit Visit(string url, string scratch, int width = 1200, int height = 2000, int budgetMs = 0)
    {
        Assert.True(Path is not null, "chromium is not installed: apt-get install chromium (the browser tests run in CI)");
        string net = System.IO.Path.Combine(scratch, $"net-{Guid.NewGuid():N}.json");
        var (dom, stderr) = Run(scratch, net, budgetMs, "--dump-dom", url);
        string png = System.IO.Path.Combine(scratch, $"shot-{Guid.NewGuid():N}.png");
        Run(scratch, null, budgetMs, $"--screenshot={png}", $"--window-size={width},{height}", url);
        var console = stderr.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        return new BrowserVisit(dom, console, PageRequests(net), png);
    }

    static (string Stdout, string Stderr) Run(string scratch, string? netLog, int budgetMs, params string[] args)
    {
        var info = new ProcessStartInfo(Path!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", $"--user-data-dir={System.IO.Path.Combine(scratch, "chromium-profile")}",
        })
            info.ArgumentList.Add(a);
        if (budgetMs > 0) info.ArgumentList.Add($"--virtual-time-budget={budgetMs}");
        if (netLog is not null) info.ArgumentList.Add($"--log-net-log={netLog}");
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"chromium {string.Join(' ', args)} did not finish in {Timeout}");
        }
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}\n{stderr.Result}");
        return (stdout.Result, stderr.Result);
    }

    /// <summary>URLs the page requested: net-log entries with a real initiator (the browser's own background
    /// requests say "not an origin").</summary>
    static List<string> PageRequests(string netLog)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(netLog));
        var urls = new List<string>();
        foreach (var e in doc.RootElement.GetProperty("events").EnumerateArray())
        {
            if (!e.TryGetProperty("params", out var p) || p.ValueKind != JsonValueKind.Object) continue;
            if (p.TryGetProperty("url", out var url) && p.TryGetProperty("initiator", out var initiator) && initiator.GetString() != "not an origin")
                urls.Add(url.GetString()!);
        }
        return urls;
    }

    static string? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator))
        {
            foreach (var name in new[] { "chromium", "chromium-browser" })
            {
                string candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }
}

/// <summary>A test that needs Chromium: skipped (visibly) where it is not installed, except under CI.</summary>
sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.SkipReason is { } reason) Skip = reason;
    }
}
