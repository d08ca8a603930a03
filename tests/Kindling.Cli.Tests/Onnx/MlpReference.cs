using Kindling.Cli.Onnx;

namespace Kindling.Cli.Tests.Onnx;

/// <summary>
/// An independent double-precision forward pass of the exported pipeline (impute, one-hot, scale,
/// Linear layers as x·Wᵀ + b, softmax) — the oracle the ONNX Runtime output is compared with.
/// </summary>
internal static class MlpReference
{
    public static double[] Probabilities(IReadOnlyList<OnnxFeatureColumn> columns, OnnxScaler? scaler,
        IReadOnlyList<OnnxDenseLayer> layers, float[] numericRow, string[] categoricalRow)
    {
        var x = new List<double>();
        int n = 0, c = 0;
        foreach (var column in columns)
        {
            if (column is OnnxNumericColumn num)
            {
                float v = numericRow[n++];
                x.Add(float.IsNaN(v) && num.Fill is float fill ? fill : v);
                continue;
            }
            var cat = (OnnxCategoricalColumn)column;
            string s = categoricalRow[c++];
            if (s.Length == 0 && cat.Fill is not null) s = cat.Fill;
            foreach (string category in cat.Categories) x.Add(s == category ? 1 : 0);   // unknown → all zeros
        }
        double[] h = [.. x];
        if (scaler is not null)
            for (int i = 0; i < h.Length; i++)
                h[i] = scaler.Kind == OnnxScalerKind.Standard ? (h[i] - scaler.A[i]) / scaler.B[i] : h[i] * scaler.A[i] + scaler.B[i];
        foreach (var layer in layers)
        {
            var y = new double[layer.OutFeatures];
            for (int o = 0; o < layer.OutFeatures; o++)
            {
                double sum = layer.Bias?[o] ?? 0;
                for (int i = 0; i < layer.InFeatures; i++) sum += h[i] * layer.Weight[o * layer.InFeatures + i];
                y[o] = layer.Activation switch
                {
                    OnnxActivation.Relu => Math.Max(sum, 0),
                    OnnxActivation.LeakyRelu => sum >= 0 ? sum : sum * layer.NegativeSlope,
                    OnnxActivation.Sigmoid => 1 / (1 + Math.Exp(-sum)),
                    OnnxActivation.Tanh => Math.Tanh(sum),
                    _ => sum,
                };
            }
            h = y;
        }
        double max = h.Max();
        double total = h.Sum(v => Math.Exp(v - max));
        return [.. h.Select(v => Math.Exp(v - max) / total)];
    }

    /// <summary>A layer with weights U(−1/√in, 1/√in) from a seeded generator (the scale nn.Linear uses).</summary>
    public static OnnxDenseLayer RandomLayer(System.Random rng, int inFeatures, int outFeatures, OnnxActivation activation, bool bias = true, float slope = 0.01f)
    {
        double bound = 1 / Math.Sqrt(inFeatures);
        float Next() => (float)((rng.NextDouble() * 2 - 1) * bound);
        float[] w = new float[outFeatures * inFeatures];
        for (int i = 0; i < w.Length; i++) w[i] = Next();
        float[]? b = bias ? [.. Enumerable.Range(0, outFeatures).Select(_ => Next())] : null;
        return new OnnxDenseLayer(w, b, inFeatures, outFeatures, activation, slope);
    }
}
