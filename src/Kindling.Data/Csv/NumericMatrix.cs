namespace Kindling.Data;

/// <summary>
/// An all-numeric CSV read straight into a row-major float32 matrix (<see cref="Csv.ReadNumeric"/>),
/// with per-column moments accumulated in float64 while parsing — so a <see cref="StandardScaler"/>
/// can be fitted without a second copy of the data. NaN marks a missing value.
/// </summary>
public sealed class NumericMatrix
{
    internal NumericMatrix(float[] data, int rows, string[] names, long[] counts, double[] shift, double[] sum, double[] sumSquares)
    {
        Data = data;
        Rows = rows;
        NamesArray = names;
        Counts = counts;
        Shift = shift;
        Sum = sum;
        SumSquares = sumSquares;
    }

    internal string[] NamesArray { get; }
    internal long[] Counts { get; }       // non-missing values per column
    internal double[] Shift { get; }      // first value per column: moments are of (x − shift), for accuracy
    internal double[] Sum { get; }        // Σ (x − shift)
    internal double[] SumSquares { get; } // Σ (x − shift)²

    /// <summary>The values, row-major: (i, j) at <c>i * Columns + j</c>.</summary>
    public float[] Data { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns => NamesArray.Length;

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Names => NamesArray;

    /// <summary>The matrix as a (Rows, Columns) float32 tensor sharing <see cref="Data"/>.</summary>
    public Tensor ToTensor() => Tensor.FromArray(Data, Rows, Columns);
}
