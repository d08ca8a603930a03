using System.Text.Json;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>The command's contract: exit codes, one-line errors without stack traces, --json output.</summary>
static class CliAssert
{
    /// <summary>Exit 0.</summary>
    public static void Success(CliResult r) => Assert.True(r.ExitCode == 0, r.ToString());

    /// <summary>Exit 2 with one clear "kindling: error:" line naming every <paramref name="mentions"/>, and no stack trace.</summary>
    public static void UserError(CliResult r, params string[] mentions)
    {
        Assert.True(r.ExitCode == 2, r.ToString());
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length >= 1 && lines[0].StartsWith("kindling: error: ", StringComparison.Ordinal), r.ToString());
        foreach (var m in mentions) Assert.True(r.Stderr.Contains(m, StringComparison.Ordinal), $"stderr should name '{m}'\n{r}");
        NoStackTrace(r);
    }

    /// <summary>No frames ("   at ...") and no exception type names on stderr: what users see without --verbose.</summary>
    public static void NoStackTrace(CliResult r)
    {
        Assert.False(r.Stderr.Contains("   at ", StringComparison.Ordinal), $"stack trace without --verbose\n{r}");
        Assert.False(r.Stderr.Contains("Exception", StringComparison.Ordinal), $"exception type without --verbose\n{r}");
    }

    /// <summary>Stdout is exactly one JSON object (and a newline): nothing before or after it.</summary>
    public static JsonElement SingleJsonObject(CliResult r)
    {
        string text = r.Stdout.TrimEnd('\n');
        Assert.True(text.StartsWith('{') && text.EndsWith('}'), $"stdout is not one JSON object\n{r}");
        using var doc = JsonDocument.Parse(text); // throws on any trailing content
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        return doc.RootElement.Clone();
    }

    /// <summary>A folder's files and their bytes, to prove a failed run left it untouched.</summary>
    public static Dictionary<string, string> Snapshot(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(directory, f), f => Convert.ToBase64String(File.ReadAllBytes(f)));

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>|actual − expected| ≤ relative · |expected|.</summary>
    public static void Close(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(actual - expected) <= relative * Math.Abs(expected), $"{what}: expected {expected:R}, got {actual:R}");
}
