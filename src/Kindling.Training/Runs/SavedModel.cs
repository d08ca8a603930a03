using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.Nn;
using Kindling.Training.Tasks;

namespace Kindling.Training.Runs;

/// <summary>A trained model with everything needed to apply it to raw CSV rows: the architecture and weights, the
/// fitted preprocessing, and the class labels (a classifier) or the target scaler (a regressor) — what a run
/// folder's <c>model.json</c> and <c>model.safetensors</c> hold.</summary>
public sealed record SavedModel
{
    readonly LabelEncoder? labels;

    /// <summary>A classifier.</summary>
    /// <param name="spec">The architecture.</param>
    /// <param name="model">The network, weights loaded, in eval mode.</param>
    /// <param name="preprocessor">The feature pipeline fitted on the training rows.</param>
    /// <param name="labels">The target's classes in index order.</param>
    /// <param name="target">The target column's name.</param>
    /// <param name="training">The options the model was trained with (free-form, for the record).</param>
    /// <param name="data">Where the training data came from (path, sha256, row counts).</param>
    public SavedModel(MlpSpec spec, Sequential model, Preprocessor preprocessor, LabelEncoder labels, string target,
        JsonObject training, JsonObject data)
        : this(spec, model, preprocessor, target, training, data) => this.labels = labels;

    SavedModel(MlpSpec spec, Sequential model, Preprocessor preprocessor, string target, JsonObject training, JsonObject data) =>
        (Spec, Model, Preprocessor, Target, Training, Data) = (spec, model, preprocessor, target, training, data);

    /// <summary>A regressor: one output unit, trained on the target scaled by <paramref name="targetScaler"/>.</summary>
    public static SavedModel ForRegression(MlpSpec spec, Sequential model, Preprocessor preprocessor, TargetScaler targetScaler,
        string target, JsonObject training, JsonObject data) =>
        new(spec, model, preprocessor, target, training, data) { TargetScaler = targetScaler };

    /// <summary>The architecture.</summary>
    public MlpSpec Spec { get; init; }
    /// <summary>The network, weights loaded, in eval mode.</summary>
    public Sequential Model { get; init; }
    /// <summary>The feature pipeline fitted on the training rows.</summary>
    public Preprocessor Preprocessor { get; init; }
    /// <summary>The target column's name.</summary>
    public string Target { get; init; }
    /// <summary>The options the model was trained with (free-form, for the record).</summary>
    public JsonObject Training { get; init; }
    /// <summary>Where the training data came from (path, sha256, row counts).</summary>
    public JsonObject Data { get; init; }

    /// <summary>The target's classes in index order.</summary>
    /// <exception cref="InvalidOperationException">A regression model, which has no classes.</exception>
    public LabelEncoder Labels => labels ?? throw new InvalidOperationException($"the model of '{Target}' is a regression model: it has no class labels");

    /// <summary>The regression target's scaler (its identity for <c>--target-scaling none</c>); null for a classifier.</summary>
    public TargetScaler? TargetScaler { get; private init; }

    /// <summary>Classification or regression.</summary>
    public TaskKind Task => TargetScaler is null ? TaskKind.Classification : TaskKind.Regression;

    /// <summary>Why the task was chosen (saved in model.json); null when unknown (a version-1 file).</summary>
    public string? TaskReason { get; init; }

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

    /// <summary>A regressor's predictions for the rows of <paramref name="frame"/>, in the target's own units.</summary>
    /// <exception cref="InvalidOperationException">A classifier.</exception>
    public double[] PredictValues(Frame frame)
    {
        var scaler = TargetScaler ?? throw new InvalidOperationException($"the model of '{Target}' is a classifier: it predicts classes, not values");
        return RegressionOutputs.Values(Model, Preprocessor.Transform(frame).ToTensor(), scaler);
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
