namespace Kindling.Data;

public sealed partial class Preprocessor
{
    const int RowBlock = 16384;

    // Transform's float32 matrix, row by row and in parallel over blocks of rows, with each value computed by the same
    // double arithmetic as Fill (so the same floats). When most of the frame's rows are wanted, the frame is swept in
    // file order and each row scattered to its place (reads stream through the columns; a gather through a shuffled
    // row list would miss the cache once per value). Returns false, leaving the matrix partly written, when Fill must
    // run instead: a feature column read as text, a repeated row, or a value Fill rejects (Fill then names it).
    bool TryFillFloat(Frame frame, int[] rows, float[] data)
    {
        int d = _numeric.Length, features = _names.Length, n = frame.RowCount;
        var values = new double[d][];
        for (int j = 0; j < d; j++)
        {
            if (frame[_numeric[j]] is not NumericColumn column) return false;
            values[j] = column.Array;
        }
        var labels = new string?[_categorical.Length][];
        for (int j = 0; j < labels.Length; j++)
        {
            if (frame[_categorical[j]] is not CategoricalColumn column) return false;
            labels[j] = column.Array;
        }
        var fill = NumericImputer?.StatisticsValues ?? [];
        var indicators = NumericImputer?.IndicatorFeatureIndices ?? [];
        var (shift, scale, multiply) = Standard is not null ? (Standard.MeanValues, Standard.ScaleValues, false)
            : MinMax is not null ? (MinMax.MinValues, MinMax.ScaleValues, true) : (null, null, false);

        // Where each frame row goes (−1: not wanted), when scattering.
        int[]? target = null;
        if ((long)rows.Length * 2 >= n)
        {
            target = new int[n];
            Array.Fill(target, -1);
            for (int i = 0; i < rows.Length; i++)
            {
                if (target[rows[i]] >= 0) return false;
                target[rows[i]] = i;
            }
        }
        int count = target?.Length ?? rows.Length;
        var plan = new FloatPlan(values, fill, indicators, shift, scale, multiply, labels, this, features);
        int failures = 0;
        DataThreads.For((count + RowBlock - 1) / RowBlock, block =>
        {
            int begin = block * RowBlock, end = Math.Min(count, begin + RowBlock);
            if (Volatile.Read(ref failures) == 0 && !plan.Rows(rows, target, begin, end, data)) Interlocked.Increment(ref failures);
        });
        return failures == 0;
    }

    // The constants of one float32 transform, in fields of a sealed class so the row loop reads them through one
    // reference rather than a closure's.
    sealed class FloatPlan(double[][] values, double[] fill, int[] indicators, double[]? shift, double[]? scale, bool multiply,
        string?[][] labels, Preprocessor owner, int features)
    {
        const int Tile = 512;  // rows whose output (Tile × features floats) stays in cache while each column streams in

        /// <summary>Rows k in [begin, end) of the sweep (frame rows when scattering, output rows when gathering),
        /// a tile of rows at a time, column by column within the tile.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        internal bool Rows(int[] rows, int[]? target, int begin, int end, float[] data)
        {
            int d = values.Length;
            for (int tile = begin; tile < end; tile += Tile)
            {
                int stop = Math.Min(end, tile + Tile);
                for (int j = 0; j < d; j++)
                {
                    var column = values[j];
                    double missingValue = fill[j];
                    double a = shift?[j] ?? 0, b = scale?[j] ?? 1;
                    for (int k = tile; k < stop; k++)
                    {
                        int i = target is null ? k : target[k];
                        if (i < 0) continue;
                        double x = column[target is null ? rows[k] : k];
                        double y = double.IsNaN(x) ? missingValue : x;
                        if (shift is not null) y = multiply ? y * b + a : (y - a) / b;
                        float f = (float)y;
                        if (!double.IsFinite(y) || !float.IsFinite(f)) return false;
                        data[i * features + j] = f;
                    }
                }
                if (indicators.Length == 0 && labels.Length == 0) continue;
                for (int k = tile; k < stop; k++)
                {
                    int i = target is null ? k : target[k], r = target is null ? rows[k] : k;
                    if (i < 0) continue;
                    var row = data.AsSpan(i * features, features);
                    for (int q = 0; q < indicators.Length; q++) row[d + q] = double.IsNaN(values[indicators[q]][r]) ? 1 : 0;
                    int offset = d + indicators.Length;
                    for (int j = 0; j < labels.Length; j++)
                    {
                        int c = owner.OneHot!.FeatureOf(j, owner.CategoricalImputer!.Apply(j, labels[j][r]));
                        if (c >= 0) row[offset + c] = 1;
                        offset += owner.OneHot.Width(j);
                    }
                }
            }
            return true;
        }
    }
}
