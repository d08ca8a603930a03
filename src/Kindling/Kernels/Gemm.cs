namespace Kindling.Kernels;

/// <summary>General matrix products, BLAS-style: C = alpha · op(A) · op(B) + beta · C, row-major.</summary>
/// <remarks>
/// Semantics follow BLAS sgemm/dgemm (row-major), as torch.addmm (https://pytorch.org/docs/stable/generated/torch.addmm.html):
/// op(A) is m × k, op(B) is k × n, C is m × n with leading dimensions lda, ldb, ldc (elements between rows of the
/// stored matrix). When beta is 0, C is not read (NaN in C does not propagate). C must not overlap A, B, bias or mask.
/// The result depends only on the arguments and the instruction-set path chosen at start-up, never on the number of
/// threads (<see cref="Torch.SetNumThreads"/>).
/// </remarks>
internal static unsafe class Gemm
{
    /// <summary>Below this many flops (2·m·n·k, about 3 µs of one core) a product runs on the calling thread:
    /// a fork-join with spinning workers costs well under a µs, but a sleeping worker takes tens to wake.</summary>
    internal const double ParallelFlops = 3e5;

    /// <summary>Packed-B sizes (floats) from which packing B is itself split across threads.</summary>
    internal const int ParallelPackFloats = 1 << 16;

    /// <summary>Column panels beyond which A is packed; below it (narrow C) A is read in place.</summary>
    internal const int PackAMinPanels = 4;

    [ThreadStatic]
    private static GemmPath? forcedPath;

    /// <summary>The path float32 products take on this thread.</summary>
    internal static GemmPath Path => forcedPath ?? GemmPaths.Default;

    /// <summary>Forces <paramref name="path"/> for products called from this thread (tests, benchmarks);
    /// null restores the start-up choice.</summary>
    internal static void ForcePathForThisThread(GemmPath? path)
    {
        if (path is { } p && !GemmPaths.IsSupported(p))
        {
            throw new PlatformNotSupportedException($"The {p} GEMM path is not supported by this CPU.");
        }

        forcedPath = path;
    }

    /// <summary>C[m,n] = alpha · op(A) · op(B) + beta · C, then + bias[j] on each row and the epilogue.</summary>
    /// <remarks>bias: empty, or length n, added to every row of C. The epilogue applies to each element after the
    /// bias; for <see cref="Epilogue.ReluMask"/> the mask is laid out like C (leading dimension ldc) and elements
    /// of C where mask ≤ 0 become 0.</remarks>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc,
        ReadOnlySpan<float> bias = default, Epilogue epilogue = Epilogue.None, ReadOnlySpan<float> mask = default)
    {
        GemmChecks.Matrices(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        GemmChecks.BiasAndMask(m, n, ldc, bias.Length, epilogue, mask.Length);
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a, pb = b, pc = c, pbias = bias, pmask = mask)
        {
            var store = new TileStore
            {
                C = pc,
                Ldc = ldc,
                Alpha = alpha,
                Beta = beta,
                First = true,
                Last = true,
                Bias = bias.IsEmpty ? null : pbias,
                Mask = epilogue == Epilogue.ReluMask ? pmask : null,
                Epilogue = epilogue,
            };
            if (k == 0)
            {
                ScaleOnly(in store, m, n);
                return;
            }

            Run(transA, transB, m, n, k, pa, lda, pb, ldb, in store);
        }
    }

    /// <summary>The float64 product: C[m,n] = alpha · op(A) · op(B) + beta · C, then + bias[j] on each row.</summary>
    public static void Dgemm(bool transA, bool transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc,
        ReadOnlySpan<double> bias = default)
    {
        GemmChecks.Matrices(transA, transB, m, n, k, a.Length, lda, b.Length, ldb, c.Length, ldc);
        GemmChecks.BiasAndMask(m, n, ldc, bias.Length, Epilogue.None, 0);
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (double* pa = a, pb = b, pc = c, pbias = bias)
        {
            DgemmKernel.Run(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, bias.IsEmpty ? null : pbias);
        }
    }

    private static void Run(bool transA, bool transB, int m, int n, int k, float* a, int lda, float* b, int ldb, in TileStore store)
    {
        SgemmJob job = SgemmJob.Current;
        job.Kernel = Path switch
        {
            // Narrow C (the seed's 16- and 6-wide layers) gets narrower tiles: fewer FMAs wasted on padding.
            GemmPath.Avx512 => n <= 8 ? SgemmKernel.AvxNarrowest : n <= 16 ? SgemmKernel.Avx512Narrow : SgemmKernel.Avx512Wide,
            GemmPath.Avx2 => n <= 8 ? SgemmKernel.AvxNarrowest : SgemmKernel.Avx2,
            _ => SgemmKernel.Portable,
        };
        (job.MR, job.NR) = job.Kernel switch
        {
            SgemmKernel.Avx512Wide => (Avx512Kernel8x32.MR, Avx512Kernel8x32.NR),
            SgemmKernel.Avx512Narrow => (Avx512Kernel8x16.MR, Avx512Kernel8x16.NR),
            SgemmKernel.Avx2 => (Avx2Kernel6x16.MR, Avx2Kernel6x16.NR),
            SgemmKernel.AvxNarrowest => (Avx2Kernel8x8.MR, Avx2Kernel8x8.NR),
            _ => (PortableKernel.MR, PortableKernel.NR),
        };

        // Element (i, p) of op(A) at a[i·ARowStride + p·AKStride]; element (p, j) of op(B) at b[p·BKStride + j·BColStride].
        job.A = a;
        (job.ARowStride, job.AKStride) = transA ? (1, lda) : ((nint)lda, 1);
        job.B = b;
        (job.BKStride, job.BColStride) = transB ? (1, ldb) : ((nint)ldb, 1);
        job.M = m;
        job.N = n;
        job.K = k;
        job.Store = store;

        job.Panels = (n + job.NR - 1) / job.NR;
        job.NPad = (nint)job.Panels * job.NR;
        job.PackedB = GemmWorkspace.Current.PackB(job.NPad * k);
        job.PackA = job.Panels > PackAMinPanels;
        int threads = 2.0 * m * n * k >= ParallelFlops ? KernelThreads.Effective : 1;
        // Aim for ≥ 4 tasks per thread (balance when a core is shared): first shrink the row blocks (down to one
        // micro-panel), which costs no extra packing; only then split C's columns, which re-packs A per chunk.
        int targetTasks = threads > 1 ? 4 * threads : 1;
        int rowsPerTask = (m + targetTasks - 1) / targetTasks;
        job.RowBlock = Math.Clamp((rowsPerTask + job.MR - 1) / job.MR * job.MR, job.MR, (SgemmJob.RowBlockTarget + job.MR - 1) / job.MR * job.MR);
        job.RowBlocks = (m + job.RowBlock - 1) / job.RowBlock;
        int chunks = job.RowBlocks < targetTasks ? Math.Min(job.Panels, (targetTasks + job.RowBlocks - 1) / job.RowBlocks) : 1;
        job.PanelsPerChunk = (job.Panels + chunks - 1) / chunks;
        job.ColChunks = (job.Panels + job.PanelsPerChunk - 1) / job.PanelsPerChunk;

        // Packing B is a copy of k·n floats: worth splitting only when it is large. Then its panels are the first
        // tasks of the product's one fork (compute tasks wait for the panels they read), so a product costs one
        // fork-join, not two.
        if (threads > 1 && job.NPad * k >= ParallelPackFloats)
        {
            job.PackBInJob();
        }
        else
        {
            job.PackAllB();
        }

        ForkJoinPool.Run(job, job.PackTasks + job.ComputeTasks, threads);
    }

    /// <summary>k = 0: the product is empty, so C = beta · C (+ bias, epilogue).</summary>
    private static void ScaleOnly(in TileStore store, int m, int n)
    {
        float zero = 0f;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                store.StorePartial(&zero, 0, 1, 1, i, j);
            }
        }
    }
}
