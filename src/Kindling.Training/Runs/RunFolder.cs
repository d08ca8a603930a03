using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.Training.Io;
using Kindling.Training.Plots;
using Kindling.Training.Tasks;

namespace Kindling.Training.Runs;

/// <summary>Writes and reads the model files of a run folder: <c>model.json</c> (architecture, preprocessing,
/// labels, options, provenance) and <c>model.safetensors</c> (the state dict under PyTorch's names).</summary>
public static class RunFolder
{
    /// <summary>The model-description file.</summary>
    public const string ModelJson = "model.json";
    /// <summary>The weights file (safetensors; PyTorch state-dict names).</summary>
    public const string ModelWeights = "model.safetensors";
    const string Format = "kindling-model";
    /// <summary>Version 2: snake_case keys in every block, and the task, loss, target scaling and threshold.</summary>
    const int FormatVersion = 2;

    /// <summary>The version written into model files.</summary>
    public static string KindlingVersion { get; } =
        typeof(RunFolder).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Writes <c>model.json</c> and <c>model.safetensors</c> into <paramref name="directory"/>, each atomically.</summary>
    public static void Save(string directory, SavedModel saved)
    {
        Directory.CreateDirectory(directory);
        StateDictFile.Save(Path.Combine(directory, ModelWeights), saved.Model.StateDict(),
            new Dictionary<string, string> { ["format"] = "pt", ["kindling_version"] = KindlingVersion });
        AtomicFile.WriteAllText(Path.Combine(directory, ModelJson), ToJson(saved));
    }

    /// <summary>Reads a run folder's model.</summary>
    /// <exception cref="InvalidDataException">A file is missing, unreadable or inconsistent; the message names it.</exception>
    public static SavedModel Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new InvalidDataException($"{directory}: no such run folder");
        string jsonPath = Path.Combine(directory, ModelJson), weightsPath = Path.Combine(directory, ModelWeights);
        if (!File.Exists(jsonPath)) throw new InvalidDataException($"{jsonPath}: missing (is {directory} a folder written by 'kindling train'?)");
        if (!File.Exists(weightsPath)) throw new InvalidDataException($"{weightsPath}: missing");
        JsonNode root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(jsonPath)) ?? throw new InvalidDataException($"{jsonPath}: empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{jsonPath}: not valid JSON ({e.Message})", e);
        }
        try
        {
            if ((string?)root["format"] != Format) throw new InvalidDataException($"{jsonPath}: not a Kindling model file");
            int version = (int?)root["format_version"] ?? 0;
            if (version is < 1 or > FormatVersion) throw new InvalidDataException($"{jsonPath}: model format {version} is not supported (this Kindling reads 1 to {FormatVersion})");
            bool v2 = version >= 2;
            var arch = root["architecture"]!.AsObject();
            var spec = new MlpSpec((int)arch["inputs"]!, arch["hidden"]!.AsArray().Select(h => (int)h!).ToArray(),
                (string)arch["activation"]!, (double)arch["dropout"]!, (int)arch[v2 ? "outputs" : "classes"]!);
            var preprocessor = Preprocessor.FromJson(Block(root["preprocessing"], v2));
            var task = v2 ? ModelJsonV2.ReadTask(root, jsonPath) : TaskKind.Classification;
            var labels = task == TaskKind.Classification ? LabelEncoder.FromJson(Block(root["labels"], v2)) : null;
            if (labels is not null && labels.Count != spec.Classes) throw new InvalidDataException($"{jsonPath}: {labels.Count} class labels for a model with {spec.Classes} outputs");
            if (labels is null && spec.Classes != 1) throw new InvalidDataException($"{jsonPath}: a regression model has one output, this one {spec.Classes}");
            if (preprocessor.FeatureCount != spec.Inputs) throw new InvalidDataException($"{jsonPath}: preprocessing gives {preprocessor.FeatureCount} features for a model with {spec.Inputs} inputs");
            ModelChecks.CheckArchitecture(spec, jsonPath, weightsPath);   // before reading: sizes from a file are untrusted
            var (state, _) = LoadWeights(weightsPath);
            CheckShapes(spec, state, weightsPath);   // before Build: a corrupted size must not allocate gigabytes
            var model = spec.Build();
            ModelChecks.CheckWeights(model.StateDict().Keys, state, weightsPath);
            try
            {
                model.LoadStateDict(state);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                throw new InvalidDataException($"{weightsPath}: does not fit the architecture in {ModelJson}: {e.Message}", e);
            }
            model.Eval();
            double threshold = (double?)root["threshold"] ?? DecisionThreshold.Default;
            if (!DecisionThreshold.IsValid(threshold)) throw new InvalidDataException($"{jsonPath}: threshold {threshold} is not in [0, 1]");
            string target = (string)root["target"]!;
            JsonObject training = root["training"]?.DeepClone().AsObject() ?? [], data = root["data"]?.DeepClone().AsObject() ?? [];
            var saved = labels is not null
                ? new SavedModel(spec, model, preprocessor, labels, target, training, data)
                : SavedModel.ForRegression(spec, model, preprocessor, ModelJsonV2.ReadTargetScaling(root["target_scaling"], jsonPath), target, training, data);
            return saved with { TaskReason = v2 ? (string?)root["task_reason"] : null, Threshold = threshold };
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or FormatException or JsonException or KeyNotFoundException or DataException or ArgumentException)
        {
            throw new InvalidDataException($"{jsonPath}: corrupted or incomplete ({e.Message})", e);
        }
    }

    static void CheckShapes(MlpSpec spec, OrderedDictionary<string, Tensor> state, string path)
    {
        int width = spec.Inputs, linear = 0;
        var widths = spec.Hidden.Append(spec.Classes).ToArray();
        foreach (var (index, kind) in spec.Layers())
        {
            if (kind != "Linear") continue;
            int output = widths[linear++];
            if (!state.TryGetValue($"{index}.weight", out var w) || w.Dim != 2 || w.Size(0) != output || w.Size(1) != width)
                throw new InvalidDataException($"{path}: '{index}.weight' is missing or not of shape [{output}, {width}] as {ModelJson} describes");
            width = output;
        }
    }

    // Version 1 saved the data layer's blocks with its own PascalCase keys; version 2 renames them to snake_case.
    static string Block(JsonNode? node, bool v2) => (v2 ? JsonKeyCase.ToPascal(node) : node)!.ToJsonString();

    static (OrderedDictionary<string, Tensor>, IReadOnlyDictionary<string, string>) LoadWeights(string path)
    {
        try
        {
            return StateDictFile.Load(path);
        }
        catch (SafeTensorsException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }

    static string ToJson(SavedModel saved)
    {
        var layers = new JsonArray();
        int width = saved.Spec.Inputs;
        foreach (var (index, kind) in saved.Spec.Layers())
        {
            var layer = new JsonObject { ["index"] = index, ["type"] = kind };
            if (kind == "Linear")
            {
                int output = index == saved.Spec.Layers()[^1].Index ? saved.Spec.Classes : saved.Spec.Hidden[LinearOrdinal(saved.Spec, index)];
                layer["in_features"] = width;
                layer["out_features"] = output;
                width = output;
            }
            else if (kind == "Dropout")
            {
                layer["p"] = saved.Spec.Dropout;
            }
            layers.Add((JsonNode)layer);
        }
        var root = new JsonObject
        {
            ["format"] = Format,
            ["format_version"] = FormatVersion,
            ["kindling_version"] = KindlingVersion,
            ["created_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["architecture"] = new JsonObject
            {
                ["type"] = "mlp",
                ["inputs"] = saved.Spec.Inputs,
                ["hidden"] = new JsonArray([.. saved.Spec.Hidden.Select(h => (JsonNode)h)]),
                ["activation"] = saved.Spec.Activation,
                ["dropout"] = saved.Spec.Dropout,
                ["outputs"] = saved.Spec.Classes,
                ["layers"] = layers,
            },
            ["task"] = ModelJsonV2.TaskName(saved.Task),
            ["task_reason"] = saved.TaskReason,
            ["loss"] = saved.Training["loss"]?.DeepClone(),
            ["target_scaling"] = ModelJsonV2.TargetScaling(saved.TargetScaler),
            ["threshold"] = null,   // reserved: a binary classifier's decision threshold (number or null)
            ["target"] = saved.Target,
            ["labels"] = saved.Task == TaskKind.Classification ? JsonKeyCase.ToSnake(JsonNode.Parse(saved.Labels.ToJson())) : null,
            ["preprocessing"] = JsonKeyCase.ToSnake(JsonNode.Parse(saved.Preprocessor.ToJson())),
            ["training"] = saved.Training.DeepClone(),
            ["data"] = saved.Data.DeepClone(),
        };
        if (saved.Spec.Classes == 2) root["threshold"] = saved.Threshold;   // two classes only: p1 >= threshold
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    static int LinearOrdinal(MlpSpec spec, int index) => spec.Layers().Where(l => l.Kind == "Linear").Select(l => l.Index).ToList().IndexOf(index);
}
