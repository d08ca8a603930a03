using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.Nn;

namespace Kindling.Training.Runs;

/// <summary>A trained classifier with everything needed to apply it to raw CSV rows: the architecture and
/// weights, the fitted preprocessing and the class labels — what a run folder's <c>model.json</c> and
/// <c>model.safetensors</c> hold.</summary>
/// <param name="Spec">The architecture.</param>
/// <param name="Model">The network, weights loaded, in eval mode.</param>
/// <param name="Preprocessor">The feature pipeline fitted on the training rows.</param>
/// <param name="Labels">The target's classes in index order.</param>
/// <param name="Target">The target column's name.</param>
/// <param name="Training">The options the model was trained with (free-form, for the record).</param>
/// <param name="Data">Where the training data came from (path, sha256, row counts).</param>
public sealed record SavedModel(MlpSpec Spec, Sequential Model, Preprocessor Preprocessor, LabelEncoder Labels, string Target,
    JsonObject Training, JsonObject Data)
{
    /// <summary>Two classes: the decision threshold on the probability of class 1 (<see cref="DecisionThreshold"/>);
    /// model.json's <c>threshold</c>, 0.5 (argmax) when absent.</summary>
    public double Threshold { get; init; } = DecisionThreshold.Default;

    /// <summary>The predicted class index of each row of <paramref name="probabilities"/>, by <see cref="Threshold"/>.</summary>
    public int[] Predict(float[,] probabilities) => DecisionThreshold.Predict(probabilities, Threshold);

    /// <summary>Class probabilities (N, C) for the rows of <paramref name="frame"/>, preprocessed as in training.</summary>
    public float[,] PredictProba(Frame frame)
    {
        return Probabilities(Model, Preprocessor.Transform(frame).ToTensor());
    }

    /// <summary>Rows per forward pass in <see cref="Probabilities"/>: 4096 × 256 hidden floats = 4 MiB per activation,
    /// small-object garbage that the GC can reuse, where 40,000 rows at once made four 41 MB activations on the
    /// large-object heap. With the CLI's GC settings, measured on the M benchmark's 40,000 test rows: evaluation
    /// adds ~40 MB to peak RSS instead of ~145 MB. Rows are independent in every layer and the matrix product
    /// reduces each row over the same K in the same order, so the chunks give the same numbers (metrics.json and
    /// the weights were byte-identical).</summary>
    internal const int ChunkRows = 4096;

    /// <summary>softmax(model(x)) as (N, C), in eval mode without gradients, as the seed's evaluation runs.</summary>
    public static float[,] Probabilities(Module model, Tensor x)
    {
        model.Eval();
        using (Torch.NoGrad())
        {
            int n = x.Size(0);
            float[,]? result = null;
            for (int start = 0; start == 0 || start < n; start += ChunkRows)
            {
                int rows = Math.Min(ChunkRows, n - start);
                var p = model.Call(n <= ChunkRows ? x : x.Narrow(0, start, rows)).Softmax(1);
                int c = p.Size(1);
                result ??= new float[n, c];
                Buffer.BlockCopy(p.ToArray<float>(), 0, result, start * c * sizeof(float), rows * c * sizeof(float));
            }
            return result!;
        }
    }

    /// <summary>The most probable class index of each row (ties: the first, as <c>argmax</c>).</summary>
    public static int[] ArgMax(float[,] probabilities)
    {
        int n = probabilities.GetLength(0), c = probabilities.GetLength(1);
        var best = new int[n];
        for (int i = 0; i < n; i++)
        {
            int k = 0;
            for (int j = 1; j < c; j++) if (probabilities[i, j] > probabilities[i, k]) k = j;
            best[i] = k;
        }
        return best;
    }
}
