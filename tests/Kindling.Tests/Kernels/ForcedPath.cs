using Kindling.Kernels;
using Xunit.Abstractions;

namespace Kindling.Tests.Kernels;

/// <summary>Public mirror of the internal <see cref="GemmPath"/> for theory data.</summary>
public enum GemmPathName
{
    Portable = GemmPath.Portable,
    Avx2 = GemmPath.Avx2,
    Avx512 = GemmPath.Avx512,
}

/// <summary>Forces a GEMM path on the test's thread until disposed.</summary>
internal sealed class ForcedPath : IDisposable
{
    private ForcedPath()
    {
    }

    /// <summary>Forces <paramref name="name"/>, or returns null (and says so in the test output) when the CPU
    /// lacks it — xunit 2 cannot skip at run time, so the report is the log line.</summary>
    public static ForcedPath? Use(GemmPathName name, ITestOutputHelper output)
    {
        var path = (GemmPath)name;
        if (!GemmPaths.IsSupported(path))
        {
            output.WriteLine($"SKIPPED: this CPU lacks the {path} path; its kernel was not exercised.");
            return null;
        }

        Gemm.ForcePathForThisThread(path);
        return new ForcedPath();
    }

    public void Dispose() => Gemm.ForcePathForThisThread(null);
}
