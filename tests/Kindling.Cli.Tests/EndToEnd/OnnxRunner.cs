using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Runs an exported model in Microsoft.ML.OnnxRuntime on raw CSV cells: the numeric columns as one
/// (N, k) float tensor named "numeric" (NaN for a missing cell), each categorical column as an (N, 1) string
/// tensor named after it ("" for a missing cell) — the inputs `kindling export` documents.</summary>
static class OnnxRunner
{
    /// <summary>Kindling's missing-value tokens (CsvOptions.DefaultMissingTokens).</summary>
    static readonly HashSet<string> Missing = ["", "NA", "N/A", "n/a", "NaN", "nan", "null", "NULL", "?"];

    public static (double[][] Probabilities, string[] Labels) Run(string onnxPath, string runFolder, RawCsv data)
    {
        var pre = JsonNode.Parse(File.ReadAllText(Path.Combine(runFolder, "model.json")))!["preprocessing"]!;
        var numeric = pre["numeric_columns"]!.AsArray().Select(n => (string)n!).ToArray();
        var categorical = pre["categorical_columns"]!.AsArray().Select(n => (string)n!).ToArray();
        int rows = data.Rows.Length;
        var inputs = new List<NamedOnnxValue>();
        if (numeric.Length > 0)
        {
            var cells = numeric.Select(data.Column).ToArray();
            var x = new float[rows * numeric.Length];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < numeric.Length; j++)
                    x[i * numeric.Length + j] = Missing.Contains(cells[j][i].Trim()) ? float.NaN : float.Parse(cells[j][i], CultureInfo.InvariantCulture);
            inputs.Add(NamedOnnxValue.CreateFromTensor("numeric", new DenseTensor<float>(x, [rows, numeric.Length])));
        }
        foreach (var name in categorical)
        {
            var cells = data.Column(name).Select(c => Missing.Contains(c.Trim()) ? "" : c).ToArray();
            inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<string>(cells, [rows, 1])));
        }
        using var session = new InferenceSession(onnxPath);
        using var results = session.Run(inputs);
        var p = results.First(r => r.Name == "probabilities").AsTensor<float>();
        var proba = Enumerable.Range(0, rows).Select(i => Enumerable.Range(0, p.Dimensions[1]).Select(j => (double)p[i, j]).ToArray()).ToArray();
        var labels = results.First(r => r.Name == "label").AsTensor<string>().ToArray();
        return (proba, labels);
    }
}
