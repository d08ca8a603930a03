namespace Kindling.Kernels;

/// <summary>A register-tiled micro-kernel: computes one MR×NR tile of C from a k-slice of A and a packed B panel.</summary>
/// <remarks>Implemented by structs so the blocked driver is specialised per kernel by the JIT (no virtual call
/// per tile). A is read through two strides so the same kernel reads packed A (row stride 1, k stride MR) or A in
/// place (row-major: row stride lda, k stride 1; transposed: row stride 1, k stride lda). B is always a packed
/// panel: kc rows of NR contiguous floats, zero-padded past the last column.</remarks>
internal unsafe interface IGemmMicroKernel
{
    /// <summary>Rows of the register tile.</summary>
    static abstract int MR { get; }

    /// <summary>Columns of the register tile (width of a packed B panel).</summary>
    static abstract int NR { get; }

    /// <summary>Accumulates Σ_p A[i0 + r, p] · panel[p, c] over p &lt; kc and stores the tile's first
    /// <paramref name="rows"/> × <paramref name="cols"/> elements at (i0, j0) through <paramref name="store"/>.</summary>
    static abstract void Run(int kc, float* a, nint aRowStride, nint aKStride, float* panel,
        int rows, int cols, in TileStore store, nint i0, nint j0);
}
