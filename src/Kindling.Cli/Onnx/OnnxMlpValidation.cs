namespace Kindling.Cli.Onnx;

/// <summary>Checks an MLP export request before any graph is built; messages name the layer or column.</summary>
internal static class OnnxMlpValidation
{
    /// <summary>Returns the encoded feature count, or throws <see cref="ArgumentException"/>.</summary>
    public static int Check(IReadOnlyList<OnnxFeatureColumn> columns, OnnxScaler? scaler,
        IReadOnlyList<OnnxDenseLayer> layers, string[]? classLabels)
    {
        if (columns.Count == 0) throw new ArgumentException("The model needs at least one input column.", nameof(columns));
        if (layers.Count == 0) throw new ArgumentException("The model needs at least one Linear layer.", nameof(layers));
        var names = new HashSet<string>(StringComparer.Ordinal);
        int features = 0;
        foreach (var column in columns)
        {
            if (!names.Add(column.Name)) throw new ArgumentException($"Column '{column.Name}' appears twice.", nameof(columns));
            if (column is not OnnxCategoricalColumn c)
            {
                features++;
                continue;
            }
            if (c.Name is OnnxMlpExporter.NumericInput or OnnxMlpExporter.ProbabilitiesOutput or OnnxMlpExporter.LabelOutput
                || c.Name.StartsWith("kindling/", StringComparison.Ordinal) || c.Name.Length == 0)
                throw new ArgumentException($"Categorical column '{c.Name}' cannot be an ONNX input name (reserved).", nameof(columns));
            if (c.Width == 0 || c.Categories.Distinct(StringComparer.Ordinal).Count() != c.Categories.Length)
                throw new ArgumentException($"Categorical column '{c.Name}' needs distinct categories.", nameof(columns));
            if (c.Fill is not null && ((!c.Infrequent && Array.IndexOf(c.Categories, c.Fill) < 0) || Array.IndexOf(c.Categories, "") >= 0))
                throw new ArgumentException($"Categorical column '{c.Name}': the fill value must be one of its categories, and \"\" (missing) must not be.", nameof(columns));
            features += c.Width;
        }
        if (scaler is not null && (scaler.A.Length != features || scaler.B.Length != features))
            throw new ArgumentException($"The scaler has {scaler.A.Length}/{scaler.B.Length} values for {features} features.", nameof(scaler));
        int width = features;
        for (int i = 0; i < layers.Count; i++)
        {
            var l = layers[i];
            if (l.InFeatures != width)
                throw new ArgumentException($"Layer {i} takes {l.InFeatures} features but receives {width}.", nameof(layers));
            if (l.Weight.Length != l.OutFeatures * l.InFeatures || (l.Bias is not null && l.Bias.Length != l.OutFeatures))
                throw new ArgumentException($"Layer {i}: weight must be ({l.OutFeatures}, {l.InFeatures}) and bias ({l.OutFeatures}).", nameof(layers));
            width = l.OutFeatures;
        }
        if (classLabels is not null && classLabels.Length != width)
            throw new ArgumentException($"{classLabels.Length} class labels for {width} outputs.", nameof(classLabels));
        return features;
    }
}
