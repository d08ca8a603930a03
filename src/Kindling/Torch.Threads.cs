using Kindling.Kernels;

namespace Kindling;

public static partial class Torch
{
    /// <summary>Sets the number of threads used by intra-op parallelism (matrix products), as
    /// <c>torch.set_num_threads</c> (https://pytorch.org/docs/stable/generated/torch.set_num_threads.html).</summary>
    /// <remarks>Results do not depend on this number: work is split into fixed blocks of the output.</remarks>
    /// <param name="numThreads">At least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numThreads"/> is less than 1.</exception>
    public static void SetNumThreads(int numThreads)
    {
        if (numThreads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(numThreads), numThreads, "Torch.SetNumThreads: the number of threads must be positive.");
        }

        KernelThreads.Count = numThreads;
    }

    /// <summary>The number of threads used by intra-op parallelism; defaults to the processor count, as
    /// <c>torch.get_num_threads</c>.</summary>
    public static int GetNumThreads() => KernelThreads.Count;
}
