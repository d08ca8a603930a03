using System.Text.Json.Nodes;
using Kindling.Data;

namespace Kindling.Cli.Commands;

/// <summary>What training needs from the data, without the frame it came from (so the frame can be collected).</summary>
sealed record TrainData(string Target, LabelEncoder Labels, Preprocessor Preprocessor, Tensor XTrain, Tensor YTrain,
    Tensor? XVal, Tensor? YVal, Tensor XTest, Tensor YTest, string? ScaleHint, JsonObject DataInfo, int TrainRows, int ValRows, int TestRows)
{
    /// <summary>How the task was chosen.</summary>
    public Kindling.Training.Tasks.TaskChoice? Task { get; init; }
}
