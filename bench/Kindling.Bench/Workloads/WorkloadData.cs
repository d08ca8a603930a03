using Kindling.Data;

namespace Kindling.Bench.Workloads;

/// <summary>The training (and test) tensors of a workload, read through Kindling.Data as the seed reads them with
/// pandas and scikit-learn: drop columns, label-encode the target, <c>train_test_split(test_size, random_state=42)</c>.</summary>
internal sealed record WorkloadData(Tensor XTrain, Tensor YTrain, Tensor? XTest, Tensor? YTest, int Classes)
{
    public static WorkloadData Load(WorkloadOptions o)
    {
        var (x, y, n, f, encoder) = Read(o);
        // As the CLI does after its data preparation: the frame's float64 columns (twice the tensor's size) died with
        // Read's stack frame; collect them before the split copies the rows and training starts.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        if (o.TestSize <= 0)
            return new WorkloadData(Tensor.FromArray(x, n, f), Tensor.FromArray(y, n), null, null, encoder.Count);
        var (train, test) = ModelSelection.TrainTestSplit(n, testSize: o.TestSize, randomState: o.Seed);
        return new WorkloadData(Rows(x, f, train), Rows(y, train), Rows(x, f, test), Rows(y, test), encoder.Count);
    }

    // Everything that needs the frame, in its own method: a frame held by a local of Load would stay reachable in
    // tier-0 code (which keeps every slot alive to the end of the method) even after the local is cleared.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    static (float[] X, long[] Y, int Rows, int Features, LabelEncoder Encoder) Read(WorkloadOptions o)
    {
        if (o.Data is not null)
        {
            try
            {
                return ReadNumeric(o, o.Data);
            }
            catch (DataException)
            {
                // A text column (a text target, say): read it as a frame below, which names any real problem.
            }
        }
        var frame = o.Data is null ? Datasets.Load("wineqt") : Csv.Read(o.Data);
        var encoder = LabelEncoder.FitTarget(frame, o.Target);
        long[] y = encoder.Transform(frame, o.Target);
        var drop = o.Drop.Split(',', StringSplitOptions.RemoveEmptyEntries).Append(o.Target);
        var features = frame.DropColumns(drop);
        return (RowMajor(features), y, frame.RowCount, features.ColumnCount, encoder);
    }

    // An all-numeric file straight into float32 (Csv.ReadNumeric): the features are the same floats as the frame's
    // doubles cast to float, without the frame's float64 columns (80 MB for M: workload m peak RSS 163 -> 125 MB).
    // The target goes through float32 too, which keeps integer class labels exact.
    static (float[] X, long[] Y, int Rows, int Features, LabelEncoder Encoder) ReadNumeric(WorkloadOptions o, string path)
    {
        var m = Csv.ReadNumeric(path);
        int n = m.Rows, c = m.Columns;
        var names = m.Names.ToList();
        int Index(string name) => names.IndexOf(name) is int j and >= 0 ? j
            : throw new DataException($"no column named '{name}'; the columns are: {string.Join(", ", names)}", path, column: name);
        int target = Index(o.Target);
        var skip = o.Drop.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Index).Append(target).ToHashSet();
        int[] keep = Enumerable.Range(0, c).Where(j => !skip.Contains(j)).ToArray();
        var labels = new double[n];
        for (int i = 0; i < n; i++) labels[i] = m.Data[(i * c) + target];
        var frame = new Frame([new NumericColumn(o.Target, labels)], null, path);
        var encoder = LabelEncoder.FitTarget(frame, o.Target);
        long[] y = encoder.Transform(frame, o.Target);
        var x = new float[n * keep.Length];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < keep.Length; k++) x[(i * keep.Length) + k] = m.Data[(i * c) + keep[k]];
        return (x, y, n, keep.Length, encoder);
    }

    static float[] RowMajor(Frame features)
    {
        int n = features.RowCount, f = features.ColumnCount;
        var x = new float[n * f];
        for (int j = 0; j < f; j++)
        {
            if (features[j] is not NumericColumn column)
                throw new DataException($"column '{features[j].Name}' is not numeric; the benchmark takes numeric features only");
            var values = column.Values;
            for (int i = 0; i < n; i++) x[(i * f) + j] = (float)values[i];
        }
        return x;
    }

    static Tensor Rows(float[] x, int f, int[] rows)
    {
        var result = new float[rows.Length * f];
        for (int i = 0; i < rows.Length; i++) x.AsSpan(rows[i] * f, f).CopyTo(result.AsSpan(i * f, f));
        return Tensor.FromArray(result, rows.Length, f);
    }

    static Tensor Rows(long[] y, int[] rows) => Tensor.FromArray(Array.ConvertAll(rows, r => y[r]), rows.Length);
}
