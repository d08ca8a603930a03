using System.Text.Json;

namespace Kindling.Data;

/// <summary>
/// The fitted feature pipeline: Frame → float32 feature matrix. It is scikit-learn's
/// <c>ColumnTransformer</c> of, in this output order,
/// <list type="number">
/// <item>numeric columns: <see cref="SimpleImputer"/> then the scaler (<see cref="StandardScaler"/> or <see cref="MinMaxScaler"/>);</item>
/// <item>missing indicators: one 0/1 feature per numeric column with a missing training value (<c>MissingIndicator(features="missing-only")</c>), if asked;</item>
/// <item>categorical columns: <see cref="CategoricalImputer"/> then <see cref="OneHotEncoder"/> (unknown → all zeros).</item>
/// </list>
/// Everything is fitted on the training rows only. The public read-only properties are the
/// ordered steps and their fitted constants (what an ONNX exporter needs); <see cref="ToJson"/>
/// saves them, so a loaded model transforms exactly as the trained one.
/// </summary>
public sealed partial class Preprocessor
{
    readonly string[] _numeric;
    readonly string[] _categorical;
    readonly string[] _names;

    Preprocessor(PreprocessorOptions options, string[] numeric, string[] categorical, SimpleImputer? imputer,
        StandardScaler? standard, MinMaxScaler? minMax, CategoricalImputer? categoricalImputer, OneHotEncoder? oneHot)
    {
        Options = options;
        _numeric = numeric;
        _categorical = categorical;
        NumericImputer = imputer;
        Standard = standard;
        MinMax = minMax;
        CategoricalImputer = categoricalImputer;
        OneHot = oneHot;
        var names = new List<string>(numeric);
        if (imputer is not null) names.AddRange(imputer.IndicatorFeatureIndices.Select(j => $"missingindicator_{numeric[j]}"));
        if (oneHot is not null)
            for (int j = 0; j < categorical.Length; j++)
            {
                names.AddRange(oneHot.CategoryValues[j].Select(c => $"{categorical[j]}_{c}"));
                if (oneHot.InfrequentFlags[j]) names.Add($"{categorical[j]}_infrequent_sklearn");
            }
        _names = [.. names];
    }

    /// <summary>The options it was fitted with.</summary>
    public PreprocessorOptions Options { get; }

    /// <summary>Numeric input columns, in output order.</summary>
    public IReadOnlyList<string> NumericColumns => _numeric;

    /// <summary>Categorical input columns, in output order.</summary>
    public IReadOnlyList<string> CategoricalColumns => _categorical;

    /// <summary>Step 1a: the numeric imputer (null without numeric columns).</summary>
    public SimpleImputer? NumericImputer { get; }

    /// <summary>Step 1b when <see cref="ScalerKind.Standard"/>.</summary>
    public StandardScaler? Standard { get; }

    /// <summary>Step 1b when <see cref="ScalerKind.MinMax"/>.</summary>
    public MinMaxScaler? MinMax { get; }

    /// <summary>Step 3a: the categorical imputer (null without categorical columns).</summary>
    public CategoricalImputer? CategoricalImputer { get; }

    /// <summary>Step 3b: the one-hot encoder (null without categorical columns).</summary>
    public OneHotEncoder? OneHot { get; }

    /// <summary>Output feature names, sklearn's <c>get_feature_names_out</c>: <c>age</c>, <c>missingindicator_age</c>, <c>color_red</c>.</summary>
    public IReadOnlyList<string> FeatureNames => _names;

    /// <summary>Number of output features.</summary>
    public int FeatureCount => _names.Length;

    /// <summary>The column kinds to read a new file with, so its columns are typed as in training.</summary>
    public IReadOnlyDictionary<string, ColumnKind> ColumnKinds =>
        _numeric.Select(n => KeyValuePair.Create(n, ColumnKind.Numeric))
            .Concat(_categorical.Select(n => KeyValuePair.Create(n, ColumnKind.Categorical)))
            .ToDictionary();

    /// <summary>Fits on <paramref name="rows"/> of <paramref name="frame"/> (all rows if null): every column but the
    /// target and the dropped ones becomes features.</summary>
    /// <exception cref="DataException">A named column is absent, a feature column has no value, or holds an infinity.</exception>
    public static Preprocessor Fit(Frame frame, PreprocessorOptions? options = null, int[]? rows = null)
    {
        options ??= new PreprocessorOptions();
        var skip = new HashSet<string>(options.Drop, StringComparer.Ordinal);
        foreach (var name in options.Drop) _ = frame[name];
        if (options.Target is not null) { _ = frame[options.Target]; skip.Add(options.Target); }
        var inputs = frame.Columns.Where(c => !skip.Contains(c.Name)).ToArray();
        if (inputs.Length == 0) throw new DataException("no feature columns are left after dropping the target and the dropped columns", frame.Source);
        rows ??= Enumerable.Range(0, frame.RowCount).ToArray();
        if (rows.Length == 0) throw new DataException("no training rows to fit on", frame.Source);

        string[] numeric = inputs.Where(c => c.Kind == ColumnKind.Numeric).Select(c => c.Name).ToArray();
        string[] categorical = inputs.Where(c => c.Kind == ColumnKind.Categorical).Select(c => c.Name).ToArray();
        SimpleImputer? imputer = null;
        StandardScaler? standard = null;
        MinMaxScaler? minMax = null;
        if (numeric.Length > 0) (imputer, standard, minMax) = FitNumeric(frame, numeric, rows, options);
        CategoricalImputer? categoricalImputer = null;
        OneHotEncoder? oneHot = null;
        if (categorical.Length > 0)
        {
            var labels = categorical.Select(n => Gather((CategoricalColumn)frame[n], rows)).ToArray();
            var fill = CategoricalImputer.Fit(labels, options.Impute == ImputeStrategy.Constant, categorical);
            oneHot = OneHotEncoder.Fit(labels.Select((col, j) => col.Select(s => fill.Apply(j, s)).ToArray()).ToArray(),
                options.MaxCategories, options.MinFrequency);
            categoricalImputer = fill;
        }
        return new Preprocessor(options, numeric, categorical, imputer, standard, minMax, categoricalImputer, oneHot);
    }

    static string?[] Gather(CategoricalColumn column, int[] rows)
    {
        var values = new string?[rows.Length];
        for (int i = 0; i < rows.Length; i++) values[i] = column[rows[i]];
        return values;
    }

    internal double ScaleNumeric(int j, double imputed) =>
        Standard is not null ? Standard.Apply(j, imputed) : MinMax is not null ? MinMax.Apply(j, imputed) : imputed;

    /// <summary>Saves the fitted pipeline as JSON (System.Text.Json source generation; NativeAOT-safe).</summary>
    public string ToJson() => JsonSerializer.Serialize(ToState(), DataJsonContext.Default.PreprocessorState);

    /// <summary>Loads a pipeline saved by <see cref="ToJson"/>.</summary>
    /// <exception cref="DataException">The JSON is not a saved preprocessor.</exception>
    public static Preprocessor FromJson(string json)
    {
        PreprocessorState? state;
        try { state = JsonSerializer.Deserialize(json, DataJsonContext.Default.PreprocessorState); }
        catch (JsonException e) { throw new DataException($"not a saved preprocessor: {e.Message}", inner: e); }
        return FromState(state ?? throw new DataException("not a saved preprocessor: empty JSON"));
    }
}
