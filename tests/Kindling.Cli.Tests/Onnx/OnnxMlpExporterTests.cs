using Kindling.Cli.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Kindling.Cli.Tests.Onnx;

/// <summary>Exported models run in ONNX Runtime and match <see cref="MlpReference"/>.</summary>
public sealed class OnnxMlpExporterTests
{
    /// <summary>ONNX Runtime computes in float32 (its own summation order); the reference in double.</summary>
    const double ProbabilityTolerance = 1e-5;

    static (float[][] Probabilities, string[]? Labels) Run(byte[] model, float[][] numeric, string[][] categorical,
        IReadOnlyList<OnnxFeatureColumn> columns)
    {
        using var session = new InferenceSession(model);
        int rows = numeric.Length;
        var inputs = new List<NamedOnnxValue>();
        int k = columns.OfType<OnnxNumericColumn>().Count();
        if (k > 0)
            inputs.Add(NamedOnnxValue.CreateFromTensor(OnnxMlpExporter.NumericInput,
                new DenseTensor<float>(numeric.SelectMany(r => r).ToArray(), [rows, k])));
        int c = 0;
        foreach (var column in columns.OfType<OnnxCategoricalColumn>())
        {
            int index = c++;
            inputs.Add(NamedOnnxValue.CreateFromTensor(column.Name,
                new DenseTensor<string>(categorical.Select(r => r[index]).ToArray(), [rows, 1])));
        }
        using var results = session.Run(inputs);
        var proba = results.First(r => r.Name == OnnxMlpExporter.ProbabilitiesOutput).AsTensor<float>();
        var table = Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, proba.Dimensions[1]).Select(j => proba[i, j]).ToArray()).ToArray();
        var label = results.FirstOrDefault(r => r.Name == OnnxMlpExporter.LabelOutput);
        return (table, label?.AsTensor<string>().ToArray());
    }

    static void AssertMatchesReference(IReadOnlyList<OnnxFeatureColumn> columns, OnnxScaler? scaler,
        IReadOnlyList<OnnxDenseLayer> layers, string[]? labels, float[][] numeric, string[][] categorical)
    {
        byte[] model = OnnxMlpExporter.Export(columns, scaler, layers, labels);
        var (proba, predicted) = Run(model, numeric, categorical, columns);
        for (int r = 0; r < numeric.Length; r++)
        {
            double[] expected = MlpReference.Probabilities(columns, scaler, layers, numeric[r], categorical[r]);
            Assert.Equal(expected.Length, proba[r].Length);
            for (int j = 0; j < expected.Length; j++)
                Assert.True(Math.Abs(expected[j] - proba[r][j]) <= ProbabilityTolerance,
                    $"row {r} class {j}: ONNX Runtime {proba[r][j]} vs reference {expected[j]}");
            if (labels is not null)
                Assert.Equal(labels[Array.IndexOf(expected, expected.Max())], predicted![r]);
        }
    }

    [Fact]
    public void Export_NumericStandardizedReluMlp_MatchesReferenceInOnnxRuntime()
    {
        var rng = new System.Random(7);
        OnnxFeatureColumn[] columns = [new OnnxNumericColumn("fixed acidity", 7.9f), new OnnxNumericColumn("pH"),
            new OnnxNumericColumn("alcohol", 10.2f), new OnnxNumericColumn("sulphates")];
        var scaler = new OnnxScaler(OnnxScalerKind.Standard, [8.3f, 3.3f, 10.4f, 0.65f], [1.7f, 0.15f, 1.1f, 0.17f]);
        OnnxDenseLayer[] layers = [MlpReference.RandomLayer(rng, 4, 5, OnnxActivation.Relu),
            MlpReference.RandomLayer(rng, 5, 4, OnnxActivation.Relu), MlpReference.RandomLayer(rng, 4, 3, OnnxActivation.None)];
        float[][] numeric = [.. Enumerable.Range(0, 25).Select(i => new[]
        {
            i % 5 == 0 ? float.NaN : 6 + (float)rng.NextDouble() * 5, 3 + (float)rng.NextDouble() * 0.6f,
            i % 7 == 3 ? float.NaN : 9 + (float)rng.NextDouble() * 4, 0.4f + (float)rng.NextDouble() * 0.6f,
        })];
        AssertMatchesReference(columns, scaler, layers, ["3", "5", "8"], numeric, [.. numeric.Select(_ => Array.Empty<string>())]);
    }

    [Fact]
    public void Export_MixedColumnsMinMaxAllActivations_MatchesReferenceInOnnxRuntime()
    {
        var rng = new System.Random(11);
        OnnxFeatureColumn[] columns =
        [
            new OnnxNumericColumn("a", 0.5f),
            new OnnxCategoricalColumn("color", ["red", "green", "blue"], Fill: "green"),
            new OnnxNumericColumn("b"),
            new OnnxCategoricalColumn("size", ["S", "M"]),
            new OnnxNumericColumn("c", -1f),
        ];
        int features = 3 + 3 + 2;
        var scaler = new OnnxScaler(OnnxScalerKind.MinMax,
            [.. Enumerable.Range(0, features).Select(_ => 0.5f + (float)rng.NextDouble())],
            [.. Enumerable.Range(0, features).Select(_ => (float)rng.NextDouble() - 0.5f)]);
        OnnxDenseLayer[] layers =
        [
            MlpReference.RandomLayer(rng, features, 6, OnnxActivation.LeakyRelu, slope: 0.2f),
            MlpReference.RandomLayer(rng, 6, 5, OnnxActivation.Tanh),
            MlpReference.RandomLayer(rng, 5, 4, OnnxActivation.Sigmoid, bias: false),
            MlpReference.RandomLayer(rng, 4, 2, OnnxActivation.None),
        ];
        string[] colors = ["red", "green", "blue", "", "purple"];   // "" is imputed, "purple" is unknown
        string[] sizes = ["S", "M", "", "XL"];                       // no fill: "" and "XL" give all zeros
        float[][] numeric = [.. Enumerable.Range(0, 30).Select(i => new[]
        {
            i % 4 == 1 ? float.NaN : (float)rng.NextDouble() * 4 - 2, (float)rng.NextDouble() * 3,
            i % 6 == 2 ? float.NaN : (float)rng.NextDouble() * 10,
        })];
        string[][] categorical = [.. Enumerable.Range(0, 30).Select(i => new[] { colors[i % colors.Length], sizes[i % sizes.Length] })];
        AssertMatchesReference(columns, scaler, layers, ["no", "yes"], numeric, categorical);
    }

    [Fact]
    public void Export_NoHiddenLayer_IsMultinomialLogisticRegression()
    {
        var rng = new System.Random(3);
        OnnxFeatureColumn[] columns = [new OnnxNumericColumn("x0"), new OnnxNumericColumn("x1")];
        OnnxDenseLayer[] layers = [MlpReference.RandomLayer(rng, 2, 4, OnnxActivation.None)];
        float[][] numeric = [[0f, 0f], [1f, -1f], [3f, 2f], [-5f, 0.5f]];
        AssertMatchesReference(columns, null, layers, null, numeric, [.. numeric.Select(_ => Array.Empty<string>())]);
    }

    [Fact]
    public void Export_CategoricalOnly_NeedsNoNumericInput()
    {
        var rng = new System.Random(5);
        OnnxFeatureColumn[] columns = [new OnnxCategoricalColumn("kind", ["x", "y", "z"])];
        OnnxDenseLayer[] layers = [MlpReference.RandomLayer(rng, 3, 3, OnnxActivation.Relu), MlpReference.RandomLayer(rng, 3, 2, OnnxActivation.None)];
        string[][] categorical = [["x"], ["y"], ["z"], ["w"]];
        AssertMatchesReference(columns, null, layers, null, [.. categorical.Select(_ => Array.Empty<float>())], categorical);
    }

    [Fact]
    public void Export_ModelHeader_HasIrVersion8Opset17AndColumnMetadata()
    {
        OnnxFeatureColumn[] columns = [new OnnxNumericColumn("p"), new OnnxCategoricalColumn("q", ["u", "v"])];
        OnnxDenseLayer[] layers = [MlpReference.RandomLayer(new System.Random(1), 3, 2, OnnxActivation.None)];
        byte[] model = OnnxMlpExporter.Export(columns, null, layers, ["a", "b"]);

        Assert.Equal([0x08, 0x08], model[..2]);   // field 1 (ir_version), varint 8
        using var session = new InferenceSession(model);
        Assert.Equal("kindling", session.ModelMetadata.ProducerName);
        Assert.Equal("[\"p\"]", session.ModelMetadata.CustomMetadataMap["kindling.numeric_columns"]);
        Assert.Equal("[\"q\"]", session.ModelMetadata.CustomMetadataMap["kindling.categorical_columns"]);
        Assert.Equal("[\"a\",\"b\"]", session.ModelMetadata.CustomMetadataMap["kindling.classes"]);
        Assert.Equal(["numeric", "q"], session.InputMetadata.Keys.Order());
        Assert.Equal(["label", "probabilities"], session.OutputMetadata.Keys.Order());
        var graph = OnnxMlpExporter.Build(columns, null, layers, null);
        Assert.Equal(17, graph.Opsets[""]);
        Assert.Equal(2, graph.Opsets[OnnxMlpExporter.MlDomain]);
    }

    [Fact]
    public void Save_WritesFileOnnxRuntimeLoads()
    {
        string dir = Path.Combine(Path.GetTempPath(), "kindling-onnx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "model.onnx");
            File.WriteAllText(path, "old");
            OnnxModelWriter.Save(path, OnnxMlpExporter.Export([new OnnxNumericColumn("x")], null,
                [MlpReference.RandomLayer(new System.Random(2), 1, 2, OnnxActivation.None)]));
            using var session = new InferenceSession(path);
            Assert.Single(session.OutputMetadata);
            Assert.Single(Directory.GetFiles(dir));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData(3, 4, "Layer 0 takes 3 features but receives 2")]
    [InlineData(2, 5, "weight must be (2, 2)")]
    public void Export_LayerShapeMismatch_ThrowsNamingLayer(int inFeatures, int weights, string expected)
    {
        var layer = new OnnxDenseLayer(new float[weights], new float[2], inFeatures, 2, OnnxActivation.None);
        var e = Assert.Throws<ArgumentException>(() =>
            OnnxMlpExporter.Export([new OnnxNumericColumn("a"), new OnnxNumericColumn("b")], null, [layer]));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Graph_UndefinedOrDuplicateNames_Throw()
    {
        var g = new OnnxGraph("g");
        g.AddInput("x", OnnxDataType.Float, OnnxGraph.DynamicDim, 2);
        Assert.Contains("'y', which is not defined", Assert.Throws<InvalidOperationException>(() => g.AddNode("Relu", ["y"], "z")).Message);
        Assert.Contains("defined twice", Assert.Throws<InvalidOperationException>(() => g.AddNode("Relu", ["x"], "x")).Message);
        Assert.Contains("does not import", Assert.Throws<InvalidOperationException>(() => g.AddNode("LabelEncoder", "ai.onnx.ml", ["x"], "w")).Message);
        Assert.Throws<ArgumentException>(() => g.AddInitializer("w", [1f, 2f], 3));
    }
}
