using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Kindling.Kernels;

/// <summary>The instruction-set path of the float32 GEMM micro-kernels.</summary>
internal enum GemmPath
{
    /// <summary><see cref="Vector{T}"/> micro-kernel: runs anywhere .NET runs.</summary>
    Portable,

    /// <summary>256-bit FMA micro-kernel (6×16 tile in 12 accumulators).</summary>
    Avx2,

    /// <summary>512-bit micro-kernel (8×32 tile in 16 accumulators; 8×16 for narrow outputs).</summary>
    Avx512,
}

/// <summary>Which paths this CPU can run, and which one is chosen at start-up.</summary>
internal static class GemmPaths
{
    /// <summary>The fastest path the CPU supports, or the one named by <c>KINDLING_GEMM_PATH</c>
    /// (portable | avx2 | avx512) when that path is supported — for benchmarking the others.</summary>
    public static GemmPath Default { get; } = ChooseDefault();

    /// <summary>Whether the CPU and the JIT can run <paramref name="path"/>.</summary>
    public static bool IsSupported(GemmPath path) => path switch
    {
        GemmPath.Avx512 => Avx512F.IsSupported && Vector512.IsHardwareAccelerated,
        GemmPath.Avx2 => Avx2.IsSupported && Fma.IsSupported,
        _ => true,
    };

    private static GemmPath ChooseDefault()
    {
        string? forced = Environment.GetEnvironmentVariable("KINDLING_GEMM_PATH");
        if (forced is not null && Enum.TryParse(forced, ignoreCase: true, out GemmPath requested) && IsSupported(requested))
        {
            return requested;
        }

        return IsSupported(GemmPath.Avx512) ? GemmPath.Avx512 : IsSupported(GemmPath.Avx2) ? GemmPath.Avx2 : GemmPath.Portable;
    }
}
