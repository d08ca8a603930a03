namespace Kindling.Data;

/// <summary>A rows × features float32 matrix, row-major, with the feature names — ready to wrap as a tensor.</summary>
public sealed class FeatureMatrix
{
    internal FeatureMatrix(float[] data, int rows, IReadOnlyList<string> names)
    {
        Data = data;
        Rows = rows;
        Names = names;
    }

    /// <summary>The values, row-major: element (i, j) is at <c>i * Columns + j</c>.</summary>
    public float[] Data { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of features.</summary>
    public int Columns => Names.Count;

    /// <summary>Feature names, in column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Element (row, column).</summary>
    public float this[int row, int column] => Data[row * Columns + column];

    /// <summary>The matrix as a (Rows, Columns) float32 tensor sharing <see cref="Data"/>.</summary>
    public Tensor ToTensor() => Tensor.FromArray(Data, Rows, Columns);
}
