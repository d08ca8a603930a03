using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kindling.Training.Tests;

/// <summary>Tests that run the Python reference (tools/reference/, /usr/bin/python3 with PyTorch and NumPy) call
/// <see cref="Require"/> first: without it they are reported as skipped, never as passed, and .ci/run (which installs
/// the reference) fails when any test skipped with <see cref="SkipReason"/>.</summary>
internal static class PythonReference
{
    public const string Python = "/usr/bin/python3";

    /// <summary>The start of every skip message; .ci/run looks for it in the test log.</summary>
    public const string SkipReason = "needs the Python reference";

    static readonly ConcurrentDictionary<string, bool> Importable = new();

    /// <summary>Skips the calling test (a <c>[SkippableFact]</c>) unless <see cref="Python"/> imports every module.</summary>
    public static void Require(params string[] modules)
    {
        Skip.IfNot(File.Exists(Python), $"{SkipReason}: {Python} is not installed (apt-get install -y python3-torch python3-sklearn python3-pandas)");
        string imports = string.Join(", ", modules);
        bool ok = modules.Length == 0 || Importable.GetOrAdd(imports, CanImport);
        Skip.IfNot(ok, $"{SkipReason}: {Python} cannot import {imports} (apt-get install -y python3-torch python3-sklearn python3-pandas)");
    }

    static bool CanImport(string imports)
    {
        using var p = Process.Start(new ProcessStartInfo(Python, ["-c", $"import {imports}"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }
}
