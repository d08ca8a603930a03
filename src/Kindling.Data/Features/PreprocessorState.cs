namespace Kindling.Data;

/// <summary>The saved form of a <see cref="Preprocessor"/> (version 1).</summary>
public sealed record PreprocessorState
{
    /// <summary>Format version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The options it was fitted with.</summary>
    public required PreprocessorOptions Options { get; init; }

    /// <summary>Numeric input columns.</summary>
    public required string[] NumericColumns { get; init; }

    /// <summary>Categorical input columns.</summary>
    public required string[] CategoricalColumns { get; init; }

    /// <summary><see cref="SimpleImputer.Statistics"/>.</summary>
    public double[] ImputeStatistics { get; init; } = [];

    /// <summary><see cref="SimpleImputer.IndicatorFeatures"/>.</summary>
    public int[] IndicatorFeatures { get; init; } = [];

    /// <summary>StandardScaler mean_ / MinMaxScaler data_min_.</summary>
    public double[] ScalerA { get; init; } = [];

    /// <summary>StandardScaler var_ / MinMaxScaler data_max_.</summary>
    public double[] ScalerB { get; init; } = [];

    /// <summary>scale_ of either scaler.</summary>
    public double[] ScalerScale { get; init; } = [];

    /// <summary>MinMaxScaler min_ (empty for the standard scaler).</summary>
    public double[] ScalerMin { get; init; } = [];

    /// <summary>StandardScaler n_samples_seen_.</summary>
    public long SamplesSeen { get; init; }

    /// <summary><see cref="CategoricalImputer.Fill"/>.</summary>
    public string[] CategoricalFill { get; init; } = [];

    /// <summary><see cref="OneHotEncoder.Categories"/>.</summary>
    public string[][] Categories { get; init; } = [];

    /// <summary><see cref="OneHotEncoder.HasInfrequent"/>; absent (null) when no column has an infrequent group, as in
    /// files saved before grouping existed.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool[] Infrequent { get; init; } = [];
}

public sealed partial class Preprocessor
{
    PreprocessorState ToState() => new()
    {
        Options = Options,
        NumericColumns = _numeric,
        CategoricalColumns = _categorical,
        ImputeStatistics = NumericImputer?.StatisticsValues ?? [],
        IndicatorFeatures = NumericImputer?.IndicatorFeatureIndices ?? [],
        ScalerA = Standard?.MeanValues ?? MinMax?.DataMinValues ?? [],
        ScalerB = Standard?.VarValues ?? MinMax?.DataMaxValues ?? [],
        ScalerScale = Standard?.ScaleValues ?? MinMax?.ScaleValues ?? [],
        ScalerMin = MinMax?.MinValues ?? [],
        SamplesSeen = Standard?.SamplesSeen ?? 0,
        CategoricalFill = CategoricalImputer?.FillValues ?? [],
        Categories = OneHot?.CategoryValues ?? [],
        Infrequent = OneHot?.InfrequentFlags.Any(f => f) == true ? OneHot.InfrequentFlags : null!,
    };

    static Preprocessor FromState(PreprocessorState s)
    {
        // JSON can hold nulls where the types say otherwise: every part is checked before use.
        if (s.Version != 1 || s.Options is not { } options || s.NumericColumns is not { } numeric || s.CategoricalColumns is not { } categorical
            || s.ImputeStatistics is null || s.IndicatorFeatures is null || s.ScalerA is null || s.ScalerB is null
            || s.ScalerScale is null || s.ScalerMin is null || s.CategoricalFill is null || s.Categories is null
            || options.Drop is null || s.Categories.Any(c => c is null || c.Any(x => x is null)) || s.CategoricalFill.Any(x => x is null))
            throw new DataException("not a saved preprocessor (version 1): a part is missing");
        int d = numeric.Length, c = categorical.Length;
        bool ok = d + c > 0 && s.ImputeStatistics.Length == d && s.IndicatorFeatures.All(j => j >= 0 && j < d)
            && s.CategoricalFill.Length == c && s.Categories.Length == c && (s.Infrequent is null || s.Infrequent.Length == 0 || s.Infrequent.Length == c)
            && options.Scaler switch
            {
                ScalerKind.Standard => s.ScalerA.Length == d && s.ScalerB.Length == d && s.ScalerScale.Length == d,
                ScalerKind.MinMax => s.ScalerA.Length == d && s.ScalerB.Length == d && s.ScalerScale.Length == d && s.ScalerMin.Length == d,
                _ => true,
            };
        if (!ok) throw new DataException("not a saved preprocessor: its parts do not fit together (columns, statistics, categories)");
        var imputer = d > 0 ? new SimpleImputer(options.Impute, options.FillValue, s.ImputeStatistics, s.IndicatorFeatures) : null;
        var standard = d > 0 && options.Scaler == ScalerKind.Standard ? new StandardScaler(s.ScalerA, s.ScalerB, s.ScalerScale, s.SamplesSeen) : null;
        var minMax = d > 0 && options.Scaler == ScalerKind.MinMax ? new MinMaxScaler(s.ScalerA, s.ScalerB, s.ScalerScale, s.ScalerMin) : null;
        var fill = c > 0 ? new CategoricalImputer(s.CategoricalFill) : null;
        var oneHot = c > 0 ? new OneHotEncoder(s.Categories, s.Infrequent?.Length == c ? s.Infrequent : null) : null;
        return new Preprocessor(options, numeric, categorical, imputer, standard, minMax, fill, oneHot);
    }
}
