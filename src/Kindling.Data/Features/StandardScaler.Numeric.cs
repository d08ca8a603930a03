namespace Kindling.Data;

public sealed partial class StandardScaler
{
    /// <summary>
    /// Fits on a <see cref="NumericMatrix"/> from the moments gathered while it was parsed (float64, over
    /// the parsed values, NaN ignored as sklearn does), then standardises its float32 data in place.
    /// The result equals sklearn's to float32 rounding of the inputs.
    /// </summary>
    public static StandardScaler FitTransform(NumericMatrix matrix)
    {
        int d = matrix.Columns;
        var mean = new double[d];
        var var = new double[d];
        var scale = new double[d];
        for (int j = 0; j < d; j++)
        {
            long n = matrix.Counts[j];
            if (n == 0) throw new DataException("every value of this column is missing; drop the column", column: matrix.Names[j]);
            double s = matrix.Sum[j];
            mean[j] = matrix.Shift[j] + s / n;
            var[j] = Math.Max(0, (matrix.SumSquares[j] - s * s / n) / n);
            scale[j] = IsConstant(var[j], mean[j], n) ? 1.0 : Math.Sqrt(var[j]);
        }
        var scaler = new StandardScaler(mean, var, scale, matrix.Rows);
        var inverse = scale.Select(v => 1.0 / v).ToArray();
        Span<float> data = matrix.Data;
        for (int offset = 0; offset < data.Length; offset += d)
        {
            var row = data.Slice(offset, d);
            for (int j = 0; j < d; j++) row[j] = (float)((row[j] - mean[j]) * inverse[j]);
        }
        return scaler;
    }
}
