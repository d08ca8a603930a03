using Kindling.Data;

namespace Kindling.Bench.Workloads;

/// <summary>The training (and test) tensors of a workload, read through Kindling.Data as the seed reads them with
/// pandas and scikit-learn: drop columns, label-encode the target, <c>train_test_split(test_size, random_state=42)</c>.</summary>
internal sealed record WorkloadData(Tensor XTrain, Tensor YTrain, Tensor? XTest, Tensor? YTest, int Classes)
{
    public static WorkloadData Load(WorkloadOptions o)
    {
        var frame = o.Data is null ? Datasets.Load("wineqt") : Csv.Read(o.Data);
        var encoder = LabelEncoder.FitTarget(frame, o.Target);
        long[] y = encoder.Transform(frame, o.Target);
        var drop = o.Drop.Split(',', StringSplitOptions.RemoveEmptyEntries).Append(o.Target);
        var features = frame.DropColumns(drop);
        float[] x = RowMajor(features);
        int n = frame.RowCount, f = features.ColumnCount;
        frame = features = null!;   // the frame's double columns are twice the tensor's size: let them go before training
        if (o.TestSize <= 0)
            return new WorkloadData(Tensor.FromArray(x, n, f), Tensor.FromArray(y, n), null, null, encoder.Count);
        var (train, test) = ModelSelection.TrainTestSplit(n, testSize: o.TestSize, randomState: o.Seed);
        return new WorkloadData(Rows(x, f, train), Rows(y, train), Rows(x, f, test), Rows(y, test), encoder.Count);
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
