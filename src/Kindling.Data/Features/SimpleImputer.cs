namespace Kindling.Data;

/// <summary>
/// Fills missing numbers per column as scikit-learn's <c>SimpleImputer</c>, optionally reporting
/// which values were missing (<c>add_indicator=True</c>: one 0/1 column for each feature that had
/// a missing value in fit, after the imputed features, like <c>MissingIndicator(features="missing-only")</c>).
/// https://scikit-learn.org/1.2/modules/generated/sklearn.impute.SimpleImputer.html
/// </summary>
public sealed class SimpleImputer
{
    internal SimpleImputer(ImputeStrategy strategy, double fillValue, double[] statistics, int[] indicatorFeatures)
    {
        Strategy = strategy;
        FillValue = fillValue;
        StatisticsValues = statistics;
        IndicatorFeatureIndices = indicatorFeatures;
    }

    internal double[] StatisticsValues { get; }
    internal int[] IndicatorFeatureIndices { get; }

    /// <summary>The strategy used in fit.</summary>
    public ImputeStrategy Strategy { get; }

    /// <summary>The fill value of <see cref="ImputeStrategy.Constant"/>.</summary>
    public double FillValue { get; }

    /// <summary>The value that replaces a missing one, per feature (sklearn <c>statistics_</c>).</summary>
    public IReadOnlyList<double> Statistics => StatisticsValues;

    /// <summary>Features that get a missing-indicator column, in order (sklearn <c>indicator_.features_</c>); empty without indicators.</summary>
    public IReadOnlyList<int> IndicatorFeatures => IndicatorFeatureIndices;

    /// <summary>Fits on <paramref name="x"/> (rows × features, NaN = missing).</summary>
    /// <exception cref="DataException">A feature has no value at all (for every strategy but constant).</exception>
    public static SimpleImputer Fit(double[,] x, ImputeStrategy strategy = ImputeStrategy.Mean, double fillValue = 0, bool addIndicator = false) =>
        Fit(Matrix.Columns(x), strategy, fillValue, addIndicator, null);

    /// <summary>Imputes <paramref name="x"/>; the result has the indicator columns appended.</summary>
    public double[,] Transform(double[,] x)
    {
        int n = x.GetLength(0), d = x.GetLength(1);
        var y = new double[n, d + IndicatorFeatureIndices.Length];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++) y[i, j] = Apply(j, x[i, j]);
            for (int k = 0; k < IndicatorFeatureIndices.Length; k++) y[i, d + k] = double.IsNaN(x[i, IndicatorFeatureIndices[k]]) ? 1 : 0;
        }
        return y;
    }

    internal static SimpleImputer Fit(IReadOnlyList<double[]> columns, ImputeStrategy strategy, double fillValue, bool addIndicator, IReadOnlyList<string>? names)
    {
        CheckFillValue(strategy, fillValue);
        var statistics = new double[columns.Count];
        var indicators = new List<int>();
        for (int j = 0; j < columns.Count; j++)
        {
            statistics[j] = FitColumn(columns[j], strategy, fillValue, names?[j] ?? $"feature {j}", out bool anyMissing);
            if (anyMissing && addIndicator) indicators.Add(j);
        }
        return new SimpleImputer(strategy, fillValue, statistics, [.. indicators]);
    }

    internal static void CheckFillValue(ImputeStrategy strategy, double fillValue)
    {
        if (strategy == ImputeStrategy.Constant && !double.IsFinite(fillValue))
            throw new DataException($"the constant fill value must be a finite number, not {fillValue}; NaN or Inf would be left after imputation");
    }

    /// <summary>The statistic of one feature's training values (NaN = missing); <paramref name="column"/> is left as it was.
    /// <paramref name="scratch"/>, if as long as the column, holds the present values when none is missing (the usual
    /// case), so fitting many columns does not leave one garbage copy of each behind.</summary>
    internal static double FitColumn(double[] column, ImputeStrategy strategy, double fillValue, string name, out bool anyMissing,
        double[]? scratch = null)
    {
        int count = 0;
        foreach (double v in column) if (!double.IsNaN(v)) count++;
        anyMissing = count < column.Length;
        if (count == 0)
            throw new DataException("every value of this column is missing in the training rows; drop the column", column: name);
        if (strategy == ImputeStrategy.Constant) return fillValue;
        var present = scratch is not null && scratch.Length == count ? scratch : new double[count];
        int k = 0;
        foreach (double v in column) if (!double.IsNaN(v)) present[k++] = v;
        return strategy switch
        {
            ImputeStrategy.Mean => present.Average(),
            ImputeStrategy.Median => Median(present),
            _ => MostFrequent(present),
        };
    }

    internal double Apply(int feature, double x) => double.IsNaN(x) ? StatisticsValues[feature] : x;

    // NumPy's median (the middle value, or the mean of the two middle ones), by selection rather than a full sort.
    static double Median(double[] values) => Select.Median(values);

    // scipy.stats.mode, which sklearn uses: the most frequent value, the smallest on a tie.
    static double MostFrequent(double[] values)
    {
        Array.Sort(values);
        double best = values[0];
        int bestCount = 0;
        for (int i = 0; i < values.Length;)
        {
            int j = i;
            while (j < values.Length && values[j] == values[i]) j++;
            if (j - i > bestCount) { best = values[i]; bestCount = j - i; }
            i = j;
        }
        return best;
    }
}
