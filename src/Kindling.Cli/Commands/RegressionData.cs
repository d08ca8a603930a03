using System.Text.Json.Nodes;
using Kindling.Data;
using Kindling.Reports.Runs;
using Kindling.Training.Tasks;

namespace Kindling.Cli.Commands;

/// <summary>What a regression run needs from the data, without the frame it came from: features as for a classifier,
/// the training and validation targets scaled as (N, 1) float32 tensors, and the test targets in their own units.</summary>
sealed record RegressionData(TaskChoice Task, string Target, TargetScaler Scaler, Preprocessor Preprocessor, Tensor XTrain, Tensor YTrain,
    Tensor? XVal, Tensor? YVal, Tensor XTest, double[] YTest, string? ScaleHint, JsonObject DataInfo, int TrainRows, int ValRows, int TestRows)
{
    /// <summary>Splits as scikit-learn does for a continuous target (plain train_test_split), fits the features and the
    /// target scaler on the training rows, and scales the training and validation targets (in float64, then float32).</summary>
    public static RegressionData Prepare(Frame frame, string target, IReadOnlyList<string> drop, TaskChoice task, TrainSettings s, List<string> notes)
    {
        double[] y = ((NumericColumn)frame[target]).Values.ToArray();
        var (trainRows, valRows, testRows) = TrainJob.Split(y.Length, null, s, notes);
        var scaler = s.TargetScaling == "none" ? TargetScaler.Identity : TargetScaler.FitStandard(y, trainRows);
        if (scaler.IsStandard)
            notes.Add($"standardised the target '{target}' on the training rows (mean {scaler.Mean:G6}, std {scaler.Scale:G6}); the loss is on the scaled target, predictions and metrics in its own units");
        var (preprocessor, xTrain, xVal, xTest, scaleHint) = TrainJob.Features(frame, target, drop, trainRows, valRows, testRows, s, notes);
        var info = TrainJob.DataInfo(s, frame, trainRows, valRows, testRows);
        info["columns"] = RunFacts.Columns(frame);   // for report.html's schema table
        return new RegressionData(task, target, scaler, preprocessor, xTrain, Scaled(y, trainRows, scaler), xVal,
            valRows.Length > 0 ? Scaled(y, valRows, scaler) : null, xTest, testRows.Select(r => y[r]).ToArray(), scaleHint,
            info, trainRows.Length, valRows.Length, testRows.Length);
    }

    // (N, 1): one output unit per row, the shape nn.MSELoss compares without broadcasting.
    static Tensor Scaled(double[] y, int[] rows, TargetScaler scaler) =>
        Torch.Tensor(rows.Select(r => (float)scaler.Transform(y[r])).ToArray()).View(rows.Length, 1);
}
