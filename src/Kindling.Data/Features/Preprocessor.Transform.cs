using System.Globalization;

namespace Kindling.Data;

public sealed partial class Preprocessor
{
    /// <summary>Transforms <paramref name="rows"/> of <paramref name="frame"/> (all if null) into a float32 feature matrix.</summary>
    /// <exception cref="DataException">A feature column is absent or of the wrong kind, or a value is infinite (names line and column).</exception>
    public FeatureMatrix Transform(Frame frame, int[]? rows = null)
    {
        rows ??= Enumerable.Range(0, frame.RowCount).ToArray();
        CheckMatrixSize(rows.Length, frame.Source);
        var data = new float[rows.Length * _names.Length];
        if (!TryFillFloat(frame, rows, data))
        {
            Array.Clear(data);
            Fill(frame, rows, new FloatWriter(data, _names.Length));
        }
        return new FeatureMatrix(data, rows.Length, _names);
    }

    /// <summary>As <see cref="Transform"/>, in float64 (rows × features) — what the sklearn comparison uses.</summary>
    public double[,] TransformDouble(Frame frame, int[]? rows = null)
    {
        rows ??= Enumerable.Range(0, frame.RowCount).ToArray();
        if ((long)rows.Length * _names.Length > Array.MaxLength) CheckMatrixSize(rows.Length, frame.Source);
        var data = new double[rows.Length, _names.Length];
        Fill(frame, rows, new DoubleWriter(data));
        return data;
    }

    // Where Fill puts feature f of row i. A struct type argument, so each writer gets its own compiled Fill with the
    // store inlined: no delegate call per value and no intermediate copy of the matrix.
    interface IWriter
    {
        void Write(int i, int f, double v);
    }

    readonly struct FloatWriter(float[] data, int features) : IWriter
    {
        public void Write(int i, int f, double v) => data[i * features + f] = (float)v;
    }

    readonly struct DoubleWriter(double[,] data) : IWriter
    {
        public void Write(int i, int f, double v) => data[i, f] = v;
    }

    void Fill<TWriter>(Frame frame, int[] rows, TWriter write) where TWriter : struct, IWriter
    {
        int feature = 0;
        var indicatorOf = new Dictionary<int, int>();
        if (NumericImputer is not null)
            for (int k = 0; k < NumericImputer.IndicatorFeatureIndices.Length; k++)
                indicatorOf[NumericImputer.IndicatorFeatureIndices[k]] = _numeric.Length + k;
        for (int j = 0; j < _numeric.Length; j++, feature++)
        {
            var values = NumericValues(frame, _numeric[j]);
            bool indicator = indicatorOf.TryGetValue(j, out int f);
            for (int i = 0; i < rows.Length; i++)
            {
                double x = values[rows[i]];
                double y = ScaleNumeric(j, NumericImputer!.Apply(j, x));
                // Features become float32: a finite double beyond ±3.4e38 would turn into an infinity there.
                if (!double.IsFinite(y) || !float.IsFinite((float)y))
                    throw new DataException($"the value {x.ToString(CultureInfo.InvariantCulture)} leaves {y.ToString(CultureInfo.InvariantCulture)} after imputation and scaling; features must be finite float32 numbers (|x| < 3.4e38)",
                        frame.Source, frame.LineOf(rows[i]), _numeric[j]);
                write.Write(i, feature, y);
                if (indicator) write.Write(i, f, double.IsNaN(x) ? 1 : 0);
            }
        }
        feature += indicatorOf.Count;
        for (int j = 0; j < _categorical.Length; j++)
        {
            var column = frame[_categorical[j]] as CategoricalColumn
                ?? throw new DataException("this column was categorical in training but was read as numeric; read the file with the model's column kinds (Preprocessor.ColumnKinds)",
                    frame.Source, column: _categorical[j]);
            for (int i = 0; i < rows.Length; i++)
            {
                int k = OneHot!.FeatureOf(j, CategoricalImputer!.Apply(j, column[rows[i]]));
                for (int c = 0; c < OneHot.Width(j); c++) write.Write(i, feature + c, c == k ? 1 : 0);
            }
            feature += OneHot!.Width(j);
        }
    }

    // A column numeric in training may come back as text (a stray label at predict time): parse it
    // and name the first cell that is not a number. A numeric column is read in place, not copied.
    static ReadOnlySpan<double> NumericValues(Frame frame, string name)
    {
        var column = frame[name];
        if (column is NumericColumn numeric) return numeric.Values;
        var labels = (CategoricalColumn)column;
        var values = new double[labels.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (labels[i] is null) { values[i] = double.NaN; continue; }
            if (!NumberParser.TryParse(labels[i], out values[i]))
                throw new DataException($"'{ColumnBuilder.Shorten(labels[i])}' is not a number, but this column was numeric in training",
                    frame.Source, frame.LineOf(i), name);
        }
        return values;
    }
}
