namespace Kindling.Kernels;

/// <summary>Argument checks shared by the GEMM entry points; messages name the argument and the shapes.</summary>
internal static class GemmChecks
{
    public static void Matrices(bool transA, bool transB, int m, int n, int k, int aLength, int lda, int bLength, int ldb, int cLength, int ldc)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(m), $"GEMM sizes must be ≥ 0, got m={m}, n={n}, k={k}.");
        }

        Matrix("a", "lda", transA ? k : m, transA ? m : k, aLength, lda, transA);
        Matrix("b", "ldb", transB ? n : k, transB ? k : n, bLength, ldb, transB);
        Matrix("c", "ldc", m, n, cLength, ldc, false);
    }

    public static void BiasAndMask(int m, int n, int ldc, int biasLength, Epilogue epilogue, int maskLength)
    {
        if (biasLength != 0 && biasLength != n)
        {
            throw new ArgumentException($"bias has {biasLength} elements but C has n={n} columns.", "bias");
        }

        if (epilogue == Epilogue.ReluMask && m > 0 && n > 0 && maskLength < Needed(m, n, ldc))
        {
            throw new ArgumentException(
                $"ReluMask needs a mask laid out like C ({m}×{n}, ldc={ldc}: {Needed(m, n, ldc)} elements) but it has {maskLength}.", "mask");
        }
    }

    private static void Matrix(string name, string ldName, int rows, int cols, int length, int ld, bool transposed)
    {
        if (ld < Math.Max(1, cols))
        {
            throw new ArgumentOutOfRangeException(ldName, $"{ldName}={ld} is less than the {cols} columns of the stored {name} ({rows}×{cols}{(transposed ? ", transposed" : "")}).");
        }

        if (rows > 0 && cols > 0 && length < Needed(rows, cols, ld))
        {
            throw new ArgumentException($"{name} has {length} elements but a {rows}×{cols} matrix with {ldName}={ld} needs {Needed(rows, cols, ld)}.", name);
        }
    }

    private static long Needed(int rows, int cols, int ld) => ((long)(rows - 1) * ld) + cols;
}
