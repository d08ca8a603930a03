using System.Runtime.CompilerServices;

namespace Kindling.Kernels;

/// <summary>The micro-kernel a float32 product runs with.</summary>
internal enum SgemmKernel
{
    Portable,
    Avx2,
    Avx512Wide,
    Avx512Narrow,
    AvxNarrowest,
}

/// <summary>One float32 product, blocked for the caches and split into tasks over fixed blocks of C.</summary>
/// <remarks>
/// Blocking (GotoBLAS/BLIS loop order, sizes for a 32 KiB L1d and ≥ 512 KiB L2 per core):
/// <list type="bullet">
/// <item>k is cut into blocks of <see cref="KBlock"/> = 256, so one packed B panel (256 × 32 floats = 32 KiB)
/// stays in L1 while the kernel sweeps every micro-panel of an A block across it.</item>
/// <item>A is packed in row blocks of at most <see cref="RowBlockTarget"/> = 128 rows (128 × 256 floats =
/// 128 KiB, L2-resident; smaller when that gives each thread several tasks) — or read in place when C has only
/// a few panels, as in the seed's narrow layers, where packing would cost more than it saves.</item>
/// <item>op(B) is packed once per call (in parallel for big products) into k-blocks of NR-wide panels.</item>
/// </list>
/// A task is one row block × one chunk of panels, and within it every element of C is accumulated in k order,
/// k-block by k-block, exactly as any other task would: the result does not depend on how many threads run.
/// Instances are per calling thread and reused, so a call allocates nothing.
/// </remarks>
internal sealed unsafe class SgemmJob : IParallelWork
{
    public const int KBlock = 256;
    public const int RowBlockTarget = 128;

    [ThreadStatic]
    private static SgemmJob? current;

    public float* A;
    public nint ARowStride;
    public nint AKStride;
    public float* B;
    public nint BKStride;
    public nint BColStride;
    public int M;
    public int N;
    public int K;
    public TileStore Store;
    public SgemmKernel Kernel;
    public int MR;
    public int NR;
    public int Panels;
    public nint NPad;
    public float* PackedB;
    public bool PackA;
    public int RowBlock;
    public int RowBlocks;
    public int PanelsPerChunk;
    public int ColChunks;

    /// <summary>When &gt; 0, tasks 0..PackTasks−1 of the job pack B's column panels and the compute tasks follow:
    /// one fork per product instead of one to pack and one to compute. A compute task waits for the panels it reads.</summary>
    public int PackTasks;

    // Panel p of this call is packed once panelReady[p] == generation: stamps, so the array is never cleared.
    private int[] panelReady = [];
    private int generation;

    public static SgemmJob Current => current ??= new SgemmJob();

    public int ComputeTasks => RowBlocks * ColChunks;

    /// <summary>Packs every panel of B on the calling thread (PackTasks = 0).</summary>
    public void PackAllB()
    {
        PackTasks = 0;
        for (int p = 0; p < Panels; p++)
        {
            PackBPanel(p);
        }
    }

    /// <summary>Makes packing B the first <see cref="Panels"/> tasks of the job.</summary>
    public void PackBInJob()
    {
        if (panelReady.Length < Panels)
        {
            panelReady = new int[Panels]; // grows to the widest product seen, then is reused
        }

        generation++;
        PackTasks = Panels;
    }

    public void Run(int task)
    {
        if (task < PackTasks)
        {
            PackBPanel(task);
            Volatile.Write(ref panelReady[task], generation);
            return;
        }

        task -= PackTasks;
        switch (Kernel)
        {
            case SgemmKernel.Avx512Wide: Compute<Avx512Kernel8x32>(task); break;
            case SgemmKernel.Avx512Narrow: Compute<Avx512Kernel8x16>(task); break;
            case SgemmKernel.Avx2: Compute<Avx2Kernel6x16>(task); break;
            case SgemmKernel.AvxNarrowest: Compute<Avx2Kernel8x8>(task); break;
            default: Compute<PortableKernel>(task); break;
        }
    }

    /// <summary>Waits until panels [<paramref name="jp0"/>, <paramref name="jp1"/>) are packed. Tasks are handed
    /// out in order, so every pack task has started on some thread before a compute task does; the wait is at
    /// most the rest of one panel's copy.</summary>
    private void WaitForPanels(int jp0, int jp1)
    {
        for (int jp = jp0; jp < jp1; jp++)
        {
            if (Volatile.Read(ref panelReady[jp]) != generation)
            {
                var spin = new SpinWait();
                while (Volatile.Read(ref panelReady[jp]) != generation)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                }
            }
        }
    }

    /// <summary>Packs column panel <paramref name="panel"/> of op(B) for every k-block.</summary>
    private void PackBPanel(int panel)
    {
        int j = panel * NR;
        int cols = Math.Min(NR, N - j);
        for (int pc = 0; pc < K; pc += KBlock)
        {
            int kcb = Math.Min(KBlock, K - pc);
            float* dst = PackedB + (pc * NPad) + ((nint)panel * kcb * NR);
            GemmPacking.PackBPanel(B + (pc * BKStride) + (j * BColStride), BKStride, BColStride, kcb, cols, NR, dst);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Compute<TK>(int task)
        where TK : struct, IGemmMicroKernel
    {
        int mr = TK.MR, nr = TK.NR;
        int i0 = task / ColChunks * RowBlock;
        int rowsInBlock = Math.Min(RowBlock, M - i0);
        int jp0 = task % ColChunks * PanelsPerChunk;
        int jp1 = Math.Min(Panels, jp0 + PanelsPerChunk);
        int fullRows = rowsInBlock - (rowsInBlock % mr);
        float* packedA = GemmWorkspace.Current.PackA((nint)(RowBlock + mr) * Math.Min(KBlock, K));
        TileStore store = Store;
        if (PackTasks > 0)
        {
            WaitForPanels(jp0, jp1);
        }

        for (int pc = 0; pc < K; pc += KBlock)
        {
            int kcb = Math.Min(KBlock, K - pc);
            store.First = pc == 0;
            store.Last = pc + kcb == K;
            float* aBlock = A + (i0 * ARowStride) + (pc * AKStride);
            if (PackA)
            {
                GemmPacking.PackA(aBlock, ARowStride, AKStride, rowsInBlock, kcb, mr, packedA);
            }
            else if (fullRows < rowsInBlock)
            {
                // Reading A in place: only the ragged last micro-panel is copied (zero-padded to MR rows).
                GemmPacking.PackA(aBlock + (fullRows * ARowStride), ARowStride, AKStride, rowsInBlock - fullRows, kcb, mr, packedA);
            }

            float* bBlock = PackedB + (pc * NPad);
            for (int jp = jp0; jp < jp1; jp++)
            {
                float* panel = bBlock + ((nint)jp * kcb * nr);
                int j = jp * nr;
                int cols = Math.Min(nr, N - j);
                for (int ir = 0; ir < rowsInBlock; ir += mr)
                {
                    int rows = Math.Min(mr, rowsInBlock - ir);
                    if (PackA)
                    {
                        TK.Run(kcb, packedA + ((nint)ir * kcb), 1, mr, panel, rows, cols, in store, i0 + ir, j);
                    }
                    else if (ir < fullRows)
                    {
                        TK.Run(kcb, aBlock + (ir * ARowStride), ARowStride, AKStride, panel, rows, cols, in store, i0 + ir, j);
                    }
                    else
                    {
                        TK.Run(kcb, packedA, 1, mr, panel, rows, cols, in store, i0 + ir, j);
                    }
                }
            }
        }
    }
}
