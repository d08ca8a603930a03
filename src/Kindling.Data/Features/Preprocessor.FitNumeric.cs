namespace Kindling.Data;

public sealed partial class Preprocessor
{
    // The numeric steps, fitted one column at a time through one reused buffer: gather the training rows, take the
    // imputer's statistic, impute in place, fit the scaler's column. The same per-column arithmetic as fitting
    // SimpleImputer then the scaler on whole matrices (so the same numbers), without two rows × features float64
    // copies alive at once (128 MB for 160,000 × 50).
    static (SimpleImputer Imputer, StandardScaler? Standard, MinMaxScaler? MinMax) FitNumeric(
        Frame frame, string[] numeric, int[] rows, PreprocessorOptions options)
    {
        var columns = Array.ConvertAll(numeric, n => (NumericColumn)frame[n]);
        // Infinities first, for every column, so that error wins over the imputer's as before.
        foreach (var column in columns) CheckFinite(column, rows, frame);
        SimpleImputer.CheckFillValue(options.Impute, options.FillValue);
        int d = numeric.Length;
        var statistics = new double[d];
        var indicators = new List<int>();
        double[] a = new double[d], b = new double[d], c = new double[d], e = new double[d];
        var buffer = new double[rows.Length];
        var scratch = new double[rows.Length];
        for (int j = 0; j < d; j++)
        {
            var values = columns[j].Values;
            for (int i = 0; i < rows.Length; i++) buffer[i] = values[rows[i]];
            double fill = SimpleImputer.FitColumn(buffer, options.Impute, options.FillValue, numeric[j], out bool anyMissing, scratch);
            statistics[j] = fill;
            if (anyMissing && options.AddIndicator) indicators.Add(j);
            if (options.Scaler == ScalerKind.None) continue;
            for (int i = 0; i < buffer.Length; i++) if (double.IsNaN(buffer[i])) buffer[i] = fill;
            if (options.Scaler == ScalerKind.Standard) StandardScaler.FitColumn(buffer, out a[j], out b[j], out c[j]);
            else MinMaxScaler.FitColumn(buffer, out a[j], out b[j], out c[j], out e[j]);
        }
        var imputer = new SimpleImputer(options.Impute, options.FillValue, statistics, [.. indicators]);
        return options.Scaler switch
        {
            ScalerKind.Standard => (imputer, new StandardScaler(a, b, c, rows.Length), null),
            ScalerKind.MinMax => (imputer, null, new MinMaxScaler(a, b, c, e)),
            _ => (imputer, null, null),
        };
    }

    static void CheckFinite(NumericColumn column, int[] rows, Frame frame)
    {
        var values = column.Values;
        foreach (int r in rows)
            if (double.IsInfinity(values[r]))
                throw new DataException($"the value is {values[r]}; an infinite value cannot be imputed or scaled (NaN/Inf would be left after imputation) — fix or remove it",
                    frame.Source, frame.LineOf(r), column.Name);
    }
}
