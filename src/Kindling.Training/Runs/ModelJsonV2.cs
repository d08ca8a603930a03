using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.Training.Tasks;

namespace Kindling.Training.Runs;

/// <summary>The blocks model.json version 2 added: the task and the regression target's scaling.</summary>
static class ModelJsonV2
{
    public static string TaskName(TaskKind task) => task == TaskKind.Regression ? "regression" : "classification";

    public static TaskKind ReadTask(JsonNode root, string path) => (string?)root["task"] switch
    {
        "classification" => TaskKind.Classification,
        "regression" => TaskKind.Regression,
        var other => throw new InvalidDataException($"{path}: unknown task '{other}' (classification or regression)"),
    };

    /// <summary><c>{"method": "standard", "mean": m, "scale": s}</c>, <c>{"method": "none"}</c>, or null for a classifier.</summary>
    public static JsonObject? TargetScaling(TargetScaler? scaler) => scaler switch
    {
        null => null,
        { IsStandard: true } => new JsonObject { ["method"] = "standard", ["mean"] = scaler.Mean, ["scale"] = scaler.Scale },
        _ => new JsonObject { ["method"] = "none" },
    };

    public static TargetScaler ReadTargetScaling(JsonNode? node, string path)
    {
        try
        {
            return (string?)node?["method"] switch
            {
                "standard" => new TargetScaler(true, (double)node!["mean"]!, (double)node["scale"]!),
                "none" => TargetScaler.Identity,
                var other => throw new InvalidDataException($"{path}: target_scaling method '{other}' is not 'standard' or 'none'"),
            };
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: target_scaling: {e.Message}", e);
        }
    }
}
