using System.Runtime.InteropServices;

namespace Kindling.Kernels;

/// <summary>Per-thread pack buffers, 64-byte aligned native memory that grows and is then reused, so a GEMM
/// call allocates nothing once shapes are known.</summary>
/// <remarks>Each thread (callers and pool workers alike) gets its own via [ThreadStatic]; the finalizer frees
/// the memory when a thread ends and its workspace becomes unreachable.</remarks>
internal sealed unsafe class GemmWorkspace
{
    [ThreadStatic]
    private static GemmWorkspace? current;

    private Buffer packA;
    private Buffer packB;

    /// <summary>The calling thread's workspace.</summary>
    public static GemmWorkspace Current => current ??= new GemmWorkspace();

    /// <summary>A buffer of at least <paramref name="count"/> floats for packed A blocks.</summary>
    public float* PackA(nint count) => (float*)packA.Get(count * sizeof(float));

    /// <summary>A buffer of at least <paramref name="count"/> floats for the packed B matrix.</summary>
    public float* PackB(nint count) => (float*)packB.Get(count * sizeof(float));

    /// <summary>A buffer of at least <paramref name="count"/> doubles (Dgemm's packed B).</summary>
    public double* PackBDouble(nint count) => (double*)packB.Get(count * sizeof(double));

    ~GemmWorkspace()
    {
        packA.Free();
        packB.Free();
    }

    private struct Buffer
    {
        private void* pointer;
        private nint bytes;

        public void* Get(nint needed)
        {
            if (needed > bytes)
            {
                Free();
                // Grow by half again so a slowly growing shape does not reallocate every call.
                nint size = Math.Max(needed, bytes + (bytes / 2));
                pointer = NativeMemory.AlignedAlloc((nuint)size, 64);
                bytes = size;
            }

            return pointer;
        }

        public void Free()
        {
            if (pointer != null)
            {
                NativeMemory.AlignedFree(pointer);
                pointer = null;
                bytes = 0;
            }
        }
    }
}
