namespace Kindling.Data;

/// <summary>Which scaler follows imputation of the numeric features.</summary>
public enum ScalerKind
{
    /// <summary>No scaling.</summary>
    None,

    /// <summary><see cref="StandardScaler"/> (the default).</summary>
    Standard,

    /// <summary><see cref="MinMaxScaler"/>.</summary>
    MinMax,
}

/// <summary>What <see cref="Preprocessor.Fit"/> builds.</summary>
public sealed record PreprocessorOptions
{
    /// <summary>The target column, left out of the features.</summary>
    public string? Target { get; init; }

    /// <summary>Columns left out of the features (e.g. an <c>Id</c>).</summary>
    public IReadOnlyList<string> Drop { get; init; } = [];

    /// <summary>How missing numbers are filled (text columns: most frequent, or "missing_value" for constant).</summary>
    public ImputeStrategy Impute { get; init; } = ImputeStrategy.Mean;

    /// <summary>The fill value for <see cref="ImputeStrategy.Constant"/>.</summary>
    public double FillValue { get; init; }

    /// <summary>Append a 0/1 missing-indicator feature for each numeric column that had a missing value in training.</summary>
    public bool AddIndicator { get; init; }

    /// <summary>The scaler applied to the imputed numeric features.</summary>
    public ScalerKind Scaler { get; init; } = ScalerKind.Standard;

    /// <summary>OneHotEncoder's <c>max_categories</c>: at most this many features per categorical column, the
    /// infrequent group included (null: no limit, scikit-learn's default).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxCategories { get; init; }

    /// <summary>OneHotEncoder's <c>min_frequency</c>: categories seen fewer times in training are grouped as
    /// infrequent; a value below 1 is a fraction of the training rows (null: none, scikit-learn's default).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public double? MinFrequency { get; init; }
}
