using System.Globalization;
using System.Text.Json;

namespace Kindling.Data;

/// <summary>
/// Maps target labels to class indices 0..C−1 as scikit-learn's <c>LabelEncoder</c>: the classes are
/// the sorted distinct labels (numbers sorted numerically, text ordinally, i.e. by code unit as
/// NumPy's <c>np.unique</c> on str). The class list is saved with the model so predictions map back.
/// https://scikit-learn.org/1.2/modules/generated/sklearn.preprocessing.LabelEncoder.html
/// </summary>
public sealed class LabelEncoder
{
    readonly string[] _classes;
    readonly double[] _numericClasses;
    readonly Dictionary<string, int> _byText;
    readonly Dictionary<double, int> _byNumber;

    LabelEncoder(string[] classes, double[]? numericClasses)
    {
        _classes = classes;
        _numericClasses = numericClasses ?? [];
        _byText = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < classes.Length; i++) _byText[classes[i]] = i;
        _byNumber = new Dictionary<double, int>();
        for (int i = 0; i < _numericClasses.Length; i++) _byNumber[_numericClasses[i]] = i;
    }

    /// <summary>The class labels in index order, as text (numbers in invariant round-trip form, e.g. "5", "0.5").</summary>
    public IReadOnlyList<string> Classes => _classes;

    /// <summary>Whether the labels are numbers (then <see cref="NumericClasses"/> holds them).</summary>
    public bool IsNumeric => _numericClasses.Length > 0;

    /// <summary>The numeric class values in index order (empty for text labels).</summary>
    public IReadOnlyList<double> NumericClasses => _numericClasses;

    /// <summary>Number of classes C.</summary>
    public int Count => _classes.Length;

    /// <summary>Learns the classes of <paramref name="column"/> (missing values are ignored).</summary>
    /// <exception cref="DataException">The column has no values.</exception>
    public static LabelEncoder Fit(Column column, string? source = null)
    {
        if (column is NumericColumn numeric)
        {
            // A hash set, then a sort of the few distinct values: a sorted set pays a tree walk per row (1M rows: ~50 ms).
            var values = new HashSet<double>();
            foreach (double v in numeric.Values) if (!double.IsNaN(v)) values.Add(v);
            if (values.Count == 0) throw new DataException("the column has no values (every value is missing)", source, column: column.Name);
            var numbers = values.ToArray();
            Array.Sort(numbers);
            return new LabelEncoder(Array.ConvertAll(numbers, FormatNumber), numbers);
        }
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in ((CategoricalColumn)column).Values) if (s is not null) labels.Add(s);
        if (labels.Count == 0) throw new DataException("the column has no values (every value is missing)", source, column: column.Name);
        var classes = labels.ToArray();
        Array.Sort(classes, StringComparer.Ordinal);
        return new LabelEncoder(classes, null);
    }

    /// <summary>Learns the classes of the target column <paramref name="target"/> and checks it can be learned:
    /// the column exists, has no missing value and at least two classes.</summary>
    /// <exception cref="DataException">The column is absent (the message lists the columns), has a missing value (names the line) or a single class.</exception>
    public static LabelEncoder FitTarget(Frame frame, string target)
    {
        var column = frame[target];
        if (column.MissingCount > 0)
            for (int i = 0; i < column.Length; i++)
                if (column.IsMissing(i))
                    throw new DataException("the target has no value here; fill it in or remove the row", frame.Source, frame.LineOf(i), target);
        var encoder = Fit(column, frame.Source);
        if (encoder.Count < 2)
            throw new DataException($"the target has a single class ('{encoder._classes[0]}'); a classifier needs at least two",
                frame.Source, column: target);
        return encoder;
    }

    /// <summary>The class index of every row of <paramref name="frame"/>'s column <paramref name="target"/>.</summary>
    /// <exception cref="DataException">A label was not seen at fit time, or is missing (names the label, line and column).</exception>
    public long[] Transform(Frame frame, string target)
    {
        var column = frame[target];
        var codes = new long[column.Length];
        if (column is NumericColumn numeric && IsNumeric)
        {
            // The usual target (numbers seen in fit): one lookup per row; anything else takes the general path.
            var values = numeric.Values;
            int i = 0;
            for (; i < codes.Length && _byNumber.TryGetValue(values[i], out int n); i++) codes[i] = n;
            for (; i < codes.Length; i++) codes[i] = IndexOf(column, i, frame.Source, frame.LineOf(i));
            return codes;
        }
        for (int i = 0; i < codes.Length; i++) codes[i] = IndexOf(column, i, frame.Source, frame.LineOf(i));
        return codes;
    }

    /// <summary>The class index of one label given as text (parsed invariantly if the classes are numbers).</summary>
    /// <exception cref="DataException">The label is not one of <see cref="Classes"/>.</exception>
    public int Transform(string label)
    {
        if (IsNumeric && double.TryParse(label, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && _byNumber.TryGetValue(v, out int n))
            return n;
        if (_byText.TryGetValue(label, out int t)) return t;
        throw Unseen(label, null, null, null);
    }

    /// <summary>The label of class index <paramref name="index"/>.</summary>
    public string InverseTransform(int index) =>
        (uint)index < (uint)_classes.Length ? _classes[index]
            : throw new ArgumentOutOfRangeException(nameof(index), $"class index {index} is outside 0..{_classes.Length - 1}");

    int IndexOf(Column column, int row, string? source, int line)
    {
        if (column.IsMissing(row)) throw new DataException("the target has no value here", source, line, column.Name);
        if (column is NumericColumn numeric)
        {
            if (IsNumeric && _byNumber.TryGetValue(numeric[row], out int n)) return n;
        }
        else if (_byText.TryGetValue(((CategoricalColumn)column)[row]!, out int t)) return t;
        else if (IsNumeric && double.TryParse(column.Format(row), NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
            && _byNumber.TryGetValue(v, out int m)) return m;
        throw Unseen(column.Format(row), source, line, column.Name);
    }

    DataException Unseen(string label, string? source, int? line, string? column) =>
        new($"label '{label}' was not seen in training; the known classes are: {string.Join(", ", _classes.Select(c => $"'{c}'"))}",
            source, line, column);

    static string FormatNumber(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The class list as JSON (what travels with a saved model).</summary>
    public string ToJson() => JsonSerializer.Serialize(new LabelEncoderState(_classes, IsNumeric ? _numericClasses : null), DataJsonContext.Default.LabelEncoderState);

    /// <summary>Restores an encoder saved by <see cref="ToJson"/>.</summary>
    /// <exception cref="DataException">The JSON is not a saved label encoder.</exception>
    public static LabelEncoder FromJson(string json)
    {
        LabelEncoderState? state;
        try { state = JsonSerializer.Deserialize(json, DataJsonContext.Default.LabelEncoderState); }
        catch (JsonException e) { throw new DataException($"not a saved label encoder: {e.Message}", inner: e); }
        if (state?.Classes is null || state.Classes.Length == 0) throw new DataException("not a saved label encoder: no classes");
        if (state.NumericClasses is not null && state.NumericClasses.Length != state.Classes.Length)
            throw new DataException("not a saved label encoder: numeric classes do not match the class names");
        return new LabelEncoder(state.Classes, state.NumericClasses);
    }
}
