// Operators: https://onnx.ai/onnx/operators/ (opset 17) and ai.onnx.ml LabelEncoder (version 2).
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Kindling.Cli.Onnx;

/// <summary>
/// Exports a trained MLP with its fitted preprocessing as one ONNX graph, so raw feature columns go in
/// and class probabilities come out:
/// <c>numeric</c> (N, k) float32 → impute NaN → ┐
/// one (N, 1) string input per categorical column → LabelEncoder → Equal(arange) → Cast ┴→ Concat
/// → scale → [Gemm(transB = 1) → activation]* → Softmax → <c>probabilities</c> (N, C)
/// (→ ArgMax → Gather(class labels) → <c>label</c> (N)); a regression ends instead with
/// Mul(scale) → Add(mean) → <c>prediction</c> (N, 1), the target's de-scaling.
/// </summary>
internal static class OnnxMlpExporter
{
    public const string NumericInput = "numeric";
    public const string ProbabilitiesOutput = "probabilities";
    public const string LabelOutput = "label";
    public const string PredictionOutput = "prediction";
    public const string MlDomain = "ai.onnx.ml";
    const int MlOpsetVersion = 2;   // LabelEncoder-2 maps strings to int64
    const string Internal = "kindling/";

    /// <summary>The ONNX model file's bytes.</summary>
    /// <param name="columns">Raw input columns in the order their encoded features enter the network.</param>
    /// <param name="scaler">Optional scaling of the encoded feature vector.</param>
    /// <param name="layers">The nn.Linear layers in order; the last one gives the logits.</param>
    /// <param name="classLabels">Optional original class labels (index i ↔ output column i); adds the <c>label</c> output.</param>
    /// <param name="threshold">Two classes: the label is class 1 where its probability is ≥ this, instead of the argmax.</param>
    /// <param name="target">A regression's target de-scaling: the graph outputs <c>prediction</c> instead of probabilities.</param>
    public static byte[] Export(IReadOnlyList<OnnxFeatureColumn> columns, OnnxScaler? scaler,
        IReadOnlyList<OnnxDenseLayer> layers, string[]? classLabels = null, OnnxTargetScaling? target = null, float? threshold = null)
    {
        if (target is not null)
        {
            return OnnxModelWriter.Serialize(BuildRegression(columns, scaler, layers, target), new Dictionary<string, string>
            {
                ["kindling.numeric_columns"] = JsonList(columns.OfType<OnnxNumericColumn>().Select(c => c.Name)),
                ["kindling.categorical_columns"] = JsonList(columns.OfType<OnnxCategoricalColumn>().Select(c => c.Name)),
                ["kindling.task"] = "regression",
            }, $"Inputs as a classifier's. Output: '{PredictionOutput}' (N, 1) float32 in the target's units (z · {target.Scale:R} + {target.Mean:R}).");
        }
        var graph = Build(columns, scaler, layers, classLabels, threshold);
        var metadata = new Dictionary<string, string>
        {
            ["kindling.numeric_columns"] = JsonList(columns.OfType<OnnxNumericColumn>().Select(c => c.Name)),
            ["kindling.categorical_columns"] = JsonList(columns.OfType<OnnxCategoricalColumn>().Select(c => c.Name)),
        };
        if (classLabels is not null) metadata["kindling.classes"] = JsonList(classLabels);
        return OnnxModelWriter.Serialize(graph, metadata,
            $"Inputs: '{NumericInput}' (N, k) float32 holding the numeric columns in kindling.numeric_columns order " +
            "(NaN = missing), and one (N, 1) string tensor per categorical column named after it (\"\" = missing). " +
            $"Outputs: '{ProbabilitiesOutput}' (N, classes) float32" + (classLabels is null ? "." : $" and '{LabelOutput}' (N) string."));
    }

    /// <summary>Builds the graph; see <see cref="Export"/>.</summary>
    public static OnnxGraph Build(IReadOnlyList<OnnxFeatureColumn> columns, OnnxScaler? scaler,
        IReadOnlyList<OnnxDenseLayer> layers, string[]? classLabels, float? threshold = null)
    {
        if (threshold is not null && layers[^1].OutFeatures != 2)
            throw new ArgumentException($"a threshold needs two classes, the model has {layers[^1].OutFeatures}", nameof(threshold));
        int features = OnnxMlpValidation.Check(columns, scaler, layers, classLabels);
        var g = new OnnxGraph("kindling_mlp");
        string x = EncodeFeatures(g, columns);
        if (scaler is not null) x = Scale(g, x, scaler, features);
        for (int i = 0; i < layers.Count; i++) x = Dense(g, x, layers[i], i);
        g.AddNode("Softmax", [x], ProbabilitiesOutput, OnnxAttribute.Int("axis", -1));
        g.AddOutput(ProbabilitiesOutput, OnnxDataType.Float, OnnxGraph.DynamicDim, layers[^1].OutFeatures);
        if (classLabels is not null)
        {
            string index = threshold is float t
                ? Threshold(g, t)
                : g.AddNode("ArgMax", [ProbabilitiesOutput], Internal + "class_index",
                    OnnxAttribute.Int("axis", 1), OnnxAttribute.Int("keepdims", 0));
            string labels = g.AddInitializer(Internal + "class_labels", classLabels, classLabels.Length);
            g.AddNode("Gather", [labels, index], LabelOutput, OnnxAttribute.Int("axis", 0));
            g.AddOutput(LabelOutput, OnnxDataType.String, OnnxGraph.DynamicDim);
        }
        return g;
    }

    /// <summary>A regression's graph: the network's one output, de-scaled (z · scale + mean, float32).</summary>
    public static OnnxGraph BuildRegression(IReadOnlyList<OnnxFeatureColumn> columns, OnnxScaler? scaler,
        IReadOnlyList<OnnxDenseLayer> layers, OnnxTargetScaling target)
    {
        int features = OnnxMlpValidation.Check(columns, scaler, layers, null);
        if (layers[^1].OutFeatures != 1) throw new ArgumentException($"A regression has one output, this model {layers[^1].OutFeatures}.", nameof(layers));
        var g = new OnnxGraph("kindling_mlp");
        string x = EncodeFeatures(g, columns);
        if (scaler is not null) x = Scale(g, x, scaler, features);
        for (int i = 0; i < layers.Count; i++) x = Dense(g, x, layers[i], i);
        string scale = g.AddInitializer(Internal + "target_scale", [(float)target.Scale], 1);
        string mean = g.AddInitializer(Internal + "target_mean", [(float)target.Mean], 1);
        g.AddNode("Add", [g.AddNode("Mul", [x, scale], Internal + "target_stretched"), mean], PredictionOutput);
        g.AddOutput(PredictionOutput, OnnxDataType.Float, OnnxGraph.DynamicDim, 1);
        return g;
    }

    /// <summary>probabilities[:, 1] ≥ t → (N) int64 class index, Kindling's two-class decision rule.</summary>
    static string Threshold(OnnxGraph g, float t)
    {
        string column = g.AddInitializer(Internal + "positive_column", new long[] { 1 });
        string p1 = g.AddNode("Gather", [ProbabilitiesOutput, column], Internal + "positive_probability", OnnxAttribute.Int("axis", 1));
        string bound = g.AddInitializer(Internal + "threshold", new[] { t });
        string positive = g.AddNode("GreaterOrEqual", [p1, bound], Internal + "is_positive");
        return g.AddNode("Cast", [positive], Internal + "class_index", OnnxAttribute.Int("to", (long)OnnxDataType.Int64));
    }

    /// <summary>Raw columns → the (N, features) float vector, segments concatenated in column order.</summary>
    static string EncodeFeatures(OnnxGraph g, IReadOnlyList<OnnxFeatureColumn> columns)
    {
        var numeric = columns.OfType<OnnxNumericColumn>().ToArray();
        string? numericValues = numeric.Length == 0 ? null : ImputeNumeric(g, numeric);
        var segments = new List<string>();
        int numericIndex = 0;
        for (int c = 0; c < columns.Count;)
        {
            if (columns[c] is OnnxCategoricalColumn categorical)
            {
                segments.Add(OneHot(g, categorical, c));
                c++;
                continue;
            }
            // A run of consecutive numeric columns is one slice of the numeric input.
            int start = numericIndex;
            while (c < columns.Count && columns[c] is OnnxNumericColumn) { c++; numericIndex++; }
            if (start == 0 && numericIndex == numeric.Length)
            {
                segments.Add(numericValues!);
                continue;
            }
            long[] picks = [.. Enumerable.Range(start, numericIndex - start).Select(i => (long)i)];
            string indices = g.AddInitializer($"{Internal}numeric_{start}_{numericIndex}", picks, picks.Length);
            segments.Add(g.AddNode("Gather", [numericValues!, indices], $"{Internal}numeric_slice_{start}", OnnxAttribute.Int("axis", 1)));
        }
        return segments.Count == 1 ? segments[0]
            : g.AddNode("Concat", [.. segments], Internal + "features", OnnxAttribute.Int("axis", 1));
    }

    /// <summary>Where(IsNaN(x), fill, x) with a per-column fill (NaN where a column has none: it stays as is).</summary>
    static string ImputeNumeric(OnnxGraph g, OnnxNumericColumn[] numeric)
    {
        string x = g.AddInput(NumericInput, OnnxDataType.Float, OnnxGraph.DynamicDim, numeric.Length);
        if (numeric.All(c => c.Fill is null)) return x;
        string fill = g.AddInitializer(Internal + "numeric_fill", [.. numeric.Select(c => c.Fill ?? float.NaN)], numeric.Length);
        string missing = g.AddNode("IsNaN", [x], Internal + "numeric_missing");
        return g.AddNode("Where", [missing, fill, x], Internal + "numeric_imputed");
    }

    /// <summary>
    /// (N, 1) strings → LabelEncoder (category → its index, "" → the fill's index, anything else → −1, or m with an
    /// infrequent feature) → Equal with [0, width) → Cast: (N, width) one-hot floats, all zeros for an unknown
    /// category without an infrequent feature.
    /// </summary>
    static string OneHot(OnnxGraph g, OnnxCategoricalColumn column, int position)
    {
        g.UseOpset(MlDomain, MlOpsetVersion);
        string input = g.AddInput(column.Name, OnnxDataType.String, OnnxGraph.DynamicDim, 1);
        var keys = new List<string>(column.Categories);
        var values = Enumerable.Range(0, column.Categories.Length).Select(i => (long)i).ToList();
        if (column.Fill is not null)
        {
            keys.Add("");
            int fill = Array.IndexOf(column.Categories, column.Fill);
            values.Add(fill >= 0 ? fill : column.Categories.Length);  // a rare fill value lands in the infrequent feature
        }
        string prefix = $"{Internal}onehot_{position}";
        string codes = g.AddNode("LabelEncoder", MlDomain, [input], prefix + "_codes",
            OnnxAttribute.Strings("keys_strings", [.. keys]), OnnxAttribute.Ints("values_int64s", [.. values]),
            OnnxAttribute.Int("default_int64", column.Infrequent ? column.Categories.Length : -1));
        long[] range = [.. Enumerable.Range(0, column.Width).Select(i => (long)i)];
        string arange = g.AddInitializer(prefix + "_range", range, range.Length);
        string equal = g.AddNode("Equal", [codes, arange], prefix + "_equal");
        return g.AddNode("Cast", [equal], prefix, OnnxAttribute.Int("to", (long)OnnxDataType.Float));
    }

    static string Scale(OnnxGraph g, string x, OnnxScaler scaler, int features)
    {
        string a = g.AddInitializer(Internal + "scale_a", scaler.A, features);
        string b = g.AddInitializer(Internal + "scale_b", scaler.B, features);
        return scaler.Kind == OnnxScalerKind.Standard
            ? g.AddNode("Div", [g.AddNode("Sub", [x, a], Internal + "centered"), b], Internal + "scaled")
            : g.AddNode("Add", [g.AddNode("Mul", [x, a], Internal + "stretched"), b], Internal + "scaled");
    }

    /// <summary>Gemm(x, W, b, transB = 1) = x·Wᵀ + b as nn.Linear, then the activation.</summary>
    static string Dense(OnnxGraph g, string x, OnnxDenseLayer layer, int index)
    {
        string prefix = $"{Internal}layer{index}";
        string w = g.AddInitializer(prefix + ".weight", layer.Weight, layer.OutFeatures, layer.InFeatures);
        string[] inputs = layer.Bias is null ? [x, w] : [x, w, g.AddInitializer(prefix + ".bias", layer.Bias, layer.OutFeatures)];
        string y = g.AddNode("Gemm", inputs, prefix + ".linear", OnnxAttribute.Int("transB", 1));
        return layer.Activation switch
        {
            OnnxActivation.None => y,
            OnnxActivation.Relu => g.AddNode("Relu", [y], prefix + ".relu"),
            OnnxActivation.LeakyRelu => g.AddNode("LeakyRelu", [y], prefix + ".leaky_relu", OnnxAttribute.Float("alpha", layer.NegativeSlope)),
            OnnxActivation.Sigmoid => g.AddNode("Sigmoid", [y], prefix + ".sigmoid"),
            _ => g.AddNode("Tanh", [y], prefix + ".tanh"),
        };
    }

    static string JsonList(IEnumerable<string> items)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (string s in items) json.WriteStringValue(s);
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
