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
    /// <summary>Class probabilities (N, C) for the rows of <paramref name="frame"/>, preprocessed as in training.</summary>
    public float[,] PredictProba(Frame frame)
    {
        return Probabilities(Model, Preprocessor.Transform(frame).ToTensor());
    }

    /// <summary>softmax(model(x)) as (N, C), in eval mode without gradients, as the seed's evaluation runs.</summary>
    public static float[,] Probabilities(Module model, Tensor x)
    {
        model.Eval();
        using (Torch.NoGrad())
        {
            var p = model.Call(x).Softmax(1);
            int n = p.Size(0), c = p.Size(1);
            var result = new float[n, c];
            Buffer.BlockCopy(p.ToArray<float>(), 0, result, 0, n * c * sizeof(float));
            return result;
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
