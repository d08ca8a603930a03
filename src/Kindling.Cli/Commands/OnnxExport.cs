using Kindling.Cli.Onnx;
using Kindling.Data;
using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary>Maps a saved model (fitted preprocessing + Sequential) onto the ONNX exporter's plain description.</summary>
/// <remarks>Kindling's feature order is: numeric columns (imputed, then scaled), then one-hot blocks of the
/// categorical columns; the exporter concatenates columns in the order given, so numeric ones go first. The
/// scaler acts on the whole vector, so one-hot entries get the identity (subtract 0 and divide by 1, or
/// multiply by 1 and add 0).</remarks>
static class OnnxExport
{
    public static int Run(SavedModel saved, string path)
    {
        var p = saved.Preprocessor;
        if (p.NumericImputer?.IndicatorFeatures.Count > 0)
            throw new UsageException("export: missing-value indicator features are not supported in ONNX yet");
        var columns = new List<OnnxFeatureColumn>();
        for (int j = 0; j < p.NumericColumns.Count; j++)
            columns.Add(new OnnxNumericColumn(p.NumericColumns[j], p.NumericImputer is null ? null : (float)p.NumericImputer.Statistics[j]));
        for (int j = 0; j < p.CategoricalColumns.Count; j++)
            columns.Add(new OnnxCategoricalColumn(p.CategoricalColumns[j], [.. p.OneHot!.Categories[j]], p.CategoricalImputer?.Fill[j], p.OneHot.HasInfrequent[j]));

        var layers = Layers(saved);
        byte[] model = saved.TargetScaler is { } target
            ? OnnxMlpExporter.Export(columns, Scaler(p), layers, target: new OnnxTargetScaling(target.Mean, target.Scale))
            : OnnxMlpExporter.Export(columns, Scaler(p), layers, [.. saved.Labels.Classes], threshold: Threshold(saved));
        OutputFile.Write("--onnx", path, full => OnnxModelWriter.Save(full, model));
        Console.WriteLine($"wrote {Path.GetFullPath(path)}: inputs '{OnnxMlpExporter.NumericInput}' ({p.NumericColumns.Count} numeric columns)"
            + (p.CategoricalColumns.Count > 0 ? $" and one string input per categorical column ({string.Join(", ", p.CategoricalColumns)})" : "")
            + (saved.TargetScaler is null ? $"; outputs '{OnnxMlpExporter.ProbabilitiesOutput}' and '{OnnxMlpExporter.LabelOutput}'"
                : $"; output '{OnnxMlpExporter.PredictionOutput}' (the target's units)"));
        return ExitCodes.Success;
    }

    /// <summary>A two-class model's threshold other than the default (which stays the ArgMax node) as the smallest
    /// float32 ≥ it: for a float32 probability p, p ≥ that float exactly when p ≥ the double threshold.</summary>
    static float? Threshold(SavedModel saved)
    {
        if (saved.Spec.Classes != 2 || saved.Threshold == DecisionThreshold.Default) return null;
        float t = (float)saved.Threshold;
        return t < saved.Threshold ? MathF.BitIncrement(t) : t;
    }

    static OnnxScaler? Scaler(Preprocessor p)
    {
        int total = p.FeatureCount, numeric = p.NumericColumns.Count;
        if (p.Standard is { } standard)
        {
            var a = new float[total];
            var b = Enumerable.Repeat(1f, total).ToArray();
            for (int j = 0; j < numeric; j++) (a[j], b[j]) = ((float)standard.Mean[j], (float)standard.Scale[j]);
            return new OnnxScaler(OnnxScalerKind.Standard, a, b);
        }
        if (p.MinMax is { } minMax)
        {
            var a = Enumerable.Repeat(1f, total).ToArray();
            var b = new float[total];
            for (int j = 0; j < numeric; j++) (a[j], b[j]) = ((float)minMax.Scale[j], (float)minMax.Min[j]);
            return new OnnxScaler(OnnxScalerKind.MinMax, a, b);
        }
        return null;
    }

    static List<OnnxDenseLayer> Layers(SavedModel saved)
    {
        var activation = saved.Spec.Activation switch
        {
            "relu" => OnnxActivation.Relu,
            "leaky_relu" => OnnxActivation.LeakyRelu,
            "tanh" => OnnxActivation.Tanh,
            "sigmoid" => OnnxActivation.Sigmoid,
            _ => throw new UsageException($"export: the '{saved.Spec.Activation}' activation has no ONNX export yet (relu, leaky_relu, tanh and sigmoid do)"),
        };
        var state = saved.Model.StateDict();
        var linear = saved.Spec.Layers().Where(l => l.Kind == "Linear").Select(l => l.Index).ToList();
        var layers = new List<OnnxDenseLayer>();
        for (int i = 0; i < linear.Count; i++)
        {
            var weight = state[$"{linear[i]}.weight"];
            var bias = state[$"{linear[i]}.bias"];
            layers.Add(new OnnxDenseLayer(weight.ToArray<float>(), bias.ToArray<float>(), weight.Size(1), weight.Size(0),
                i == linear.Count - 1 ? OnnxActivation.None : activation));
        }
        return layers;
    }
}
