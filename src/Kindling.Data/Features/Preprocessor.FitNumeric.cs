namespace Kindling.Data;

public sealed partial class Preprocessor
{
    // The numeric steps, fitted one column at a time through one buffer per thread: gather the training rows, take the
    // imputer's statistic, impute in place, fit the scaler's column. The same per-column arithmetic as fitting
    // SimpleImputer then the scaler on whole matrices (so the same numbers), without two rows × features float64
    // copies alive at once (128 MB for 160,000 × 50). Columns are independent, so they are fitted in parallel; the
    // error raised is the one a serial fit would raise first (any infinity before any imputer error, leftmost column).
    static (SimpleImputer Imputer, StandardScaler? Standard, MinMaxScaler? MinMax) FitNumeric(
        Frame frame, string[] numeric, int[] rows, PreprocessorOptions options)
    {
        var columns = Array.ConvertAll(numeric, n => (NumericColumn)frame[n]);
        int d = numeric.Length;
        var statistics = new double[d];
        var missing = new bool[d];
        double[] a = new double[d], b = new double[d], c = new double[d], e = new double[d];
        var infinite = new DataException?[d];
        var failed = new DataException?[d];
        var buffers = new System.Collections.Concurrent.ConcurrentBag<(double[] Buffer, double[] Scratch)>();
        // The median, the mode and the constant do not depend on the order of the values: then the training rows are
        // gathered in file order, streaming through each column, instead of one cache miss per shuffled row.
        bool[]? wanted = options.Scaler == ScalerKind.None && options.Impute != ImputeStrategy.Mean ? Mask(rows, frame.RowCount) : null;
        DataThreads.For(d, j =>
        {
            if (!buffers.TryTake(out var work)) work = (new double[rows.Length], new double[rows.Length]);
            var (buffer, scratch) = work;
            var values = columns[j].Values;
            if (wanted is null) for (int i = 0; i < rows.Length; i++) buffer[i] = values[rows[i]];
            else for (int r = 0, i = 0; r < wanted.Length; r++) if (wanted[r]) buffer[i++] = values[r];
            int bad = Array.FindIndex(buffer, double.IsInfinity);
            if (bad >= 0)
            {
                // The first infinity in the order of the training rows, as a serial fit names it.
                bad = Array.FindIndex(rows, r => double.IsInfinity(columns[j][r]));
                infinite[j] = Infinite(columns[j], rows[bad], frame);
                buffers.Add(work);
                return;
            }
            try
            {
                double fill = SimpleImputer.FitColumn(buffer, options.Impute, options.FillValue, numeric[j], out missing[j], scratch);
                statistics[j] = fill;
                if (options.Scaler != ScalerKind.None)
                {
                    for (int i = 0; i < buffer.Length; i++) if (double.IsNaN(buffer[i])) buffer[i] = fill;
                    if (options.Scaler == ScalerKind.Standard) StandardScaler.FitColumn(buffer, out a[j], out b[j], out c[j]);
                    else MinMaxScaler.FitColumn(buffer, out a[j], out b[j], out c[j], out e[j]);
                }
            }
            catch (DataException error)
            {
                failed[j] = error;
            }
            buffers.Add(work);
        }, (long)rows.Length * d);
        if (infinite.FirstOrDefault(x => x is not null) is { } inf) throw inf;
        SimpleImputer.CheckFillValue(options.Impute, options.FillValue);
        if (failed.FirstOrDefault(x => x is not null) is { } fail) throw fail;
        int[] indicators = options.AddIndicator ? Enumerable.Range(0, d).Where(j => missing[j]).ToArray() : [];
        var imputer = new SimpleImputer(options.Impute, options.FillValue, statistics, indicators);
        return options.Scaler switch
        {
            ScalerKind.Standard => (imputer, new StandardScaler(a, b, c, rows.Length), null),
            ScalerKind.MinMax => (imputer, null, new MinMaxScaler(a, b, c, e)),
            _ => (imputer, null, null),
        };
    }

    // Which frame rows are wanted; null when a row repeats (then the gather must follow the list).
    static bool[]? Mask(int[] rows, int count)
    {
        var wanted = new bool[count];
        foreach (int r in rows)
        {
            if (wanted[r]) return null;
            wanted[r] = true;
        }
        return wanted;
    }

    static DataException Infinite(NumericColumn column, int row, Frame frame) =>
        new($"the value is {column[row]}; an infinite value cannot be imputed or scaled (NaN/Inf would be left after imputation) — fix or remove it",
            frame.Source, frame.LineOf(row), column.Name);
}
