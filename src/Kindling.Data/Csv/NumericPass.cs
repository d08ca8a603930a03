using System.Text;
using nietras.SeparatedValues;

namespace Kindling.Data;

/// <summary>One Sep pass that parses every cell to a number and stores it as float32, accumulating moments.</summary>
sealed class NumericPass(Stream stream, char delimiter, bool? hasHeader, MissingTokens missing, string? source)
{
    internal NumericMatrix Run(long lineCapacity)
    {
        string[]? names = null;
        float[] data = [];
        long[] counts = [];
        double[] shift = [], sum = [], squares = [];
        int rows = 0, line = 1, n = 0;
        bool header = false;
        try
        {
            using var reader = Csv.OpenSep(stream, delimiter, source);
            foreach (var row in reader)
            {
                int rowLine = line;
                line = row.LineNumberToExcl;
                if (row.Span.Trim().IsEmpty && row.ColCount == 1) continue;
                if (names is null)
                {
                    n = row.ColCount;
                    header = hasHeader ?? CsvPass.LooksLikeHeader(row);
                    names = CsvPass.ColumnNames(row, header, source, rowLine);
                    long capacity = Math.Max(1, lineCapacity - (header ? 1 : 0));
                    if (capacity * n > Array.MaxLength) throw new DataException($"{capacity} rows × {n} columns is too large for one matrix", source);
                    data = new float[capacity * n];
                    counts = new long[n];
                    shift = new double[n];
                    sum = new double[n];
                    squares = new double[n];
                    if (header) continue;
                }
                if (row.ColCount != n) throw CsvPass.Ragged(row.ColCount, n, header, delimiter, source, rowLine);
                if ((long)(rows + 1) * n > data.Length) Array.Resize(ref data, (int)Math.Min(Array.MaxLength, (long)data.Length * 5 / 4 + n));
                int offset = rows * n;
                for (int j = 0; j < n; j++)
                {
                    var cell = row[j].Span;
                    if (!NumberParser.TryParse(cell, out double v))
                    {
                        if (!missing.Contains(cell.Trim()))
                            throw new DataException($"'{ColumnBuilder.Shorten(cell)}' is not a number; ReadNumeric needs numbers only (use Csv.Read for text columns)",
                                source, rowLine, names[j]);
                        v = double.NaN;
                    }
                    data[offset + j] = (float)v;
                    if (double.IsNaN(v)) continue;
                    if (counts[j]++ == 0) shift[j] = v;
                    double t = v - shift[j];
                    sum[j] += t;
                    squares[j] += t * t;
                }
                rows++;
            }
        }
        catch (DecoderFallbackException e)
        {
            throw new DataException("the file is not valid UTF-8 text past this point; re-save it as UTF-8 CSV", source, line, inner: e);
        }
        if (names is null) throw new DataException("the file is empty", source);
        if (rows == 0) throw new DataException(header ? "the file has a header row but no data rows" : "the file has no data rows", source);
        if ((long)rows * n != data.Length) Array.Resize(ref data, rows * n);
        return new NumericMatrix(data, rows, names, counts, shift, sum, squares);
    }
}
