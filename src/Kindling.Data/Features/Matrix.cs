namespace Kindling.Data;

/// <summary>Conversions between a rows × features matrix and per-feature columns.</summary>
static class Matrix
{
    /// <summary>Machine epsilon of double (NumPy's <c>np.finfo(np.float64).eps</c>), used by sklearn's zero-scale rules.</summary>
    internal const double Eps = 2.220446049250313e-16;

    internal static double[][] Columns(double[,] x)
    {
        var columns = new double[x.GetLength(1)][];
        for (int j = 0; j < columns.Length; j++)
        {
            columns[j] = new double[x.GetLength(0)];
            for (int i = 0; i < columns[j].Length; i++) columns[j][i] = x[i, j];
        }
        return columns;
    }

    internal static double[,] Map(double[,] x, Func<int, double, double> f)
    {
        var y = new double[x.GetLength(0), x.GetLength(1)];
        for (int i = 0; i < x.GetLength(0); i++)
            for (int j = 0; j < x.GetLength(1); j++) y[i, j] = f(j, x[i, j]);
        return y;
    }
}
