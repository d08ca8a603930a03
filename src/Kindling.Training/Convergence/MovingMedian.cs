namespace Kindling.Training.Convergence;

/// <summary>Centred moving median; the window shrinks symmetrically at both ends so no value is invented.</summary>
internal static class MovingMedian
{
    public static double[] Smooth(IReadOnlyList<double> values, int window)
    {
        int half = window / 2;
        var result = new double[values.Count];
        var buffer = new List<double>(window);
        for (int i = 0; i < values.Count; i++)
        {
            int h = Math.Min(half, Math.Min(i, values.Count - 1 - i));
            buffer.Clear();
            for (int j = i - h; j <= i + h; j++)
            {
                buffer.Add(values[j]);
            }

            buffer.Sort();
            result[i] = buffer[buffer.Count / 2];
        }

        return result;
    }
}
