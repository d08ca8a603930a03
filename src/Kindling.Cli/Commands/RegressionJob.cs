using System.Diagnostics;
using Kindling.Training;
using Kindling.Training.Convergence;
using Kindling.Training.Metrics;
using Kindling.Training.Runs;
using Kindling.Training.Tasks;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling train</c> for a numeric target, top to bottom like the classification job: the same model
/// (one output unit), seeding, optimizer and trainer; the loss on the scaled target; predictions and metrics in the
/// target's own units.</summary>
static class RegressionJob
{
    public static int Run(TrainSettings s, RunDirectory output, int[] hidden, List<string> notes, Stopwatch clock, CancellationToken cancel,
        RegressionData d)
    {
        // The model, seeded as the seed: manual_seed, then reset_parameters on every module.
        var spec = new MlpSpec(d.Preprocessor.FeatureCount, hidden, s.Activation, s.Dropout, 1);
        TrainJob.CheckSize(spec);
        var model = spec.Build();
        Torch.ManualSeed(s.Seed);
        model.Apply(m => m.ResetParameters());
        string loss = s.Loss ?? RegressionLosses.Names[0];
        var trainer = TrainJob.CreateTrainer(s, model, RegressionLosses.Create(loss), output);

        // Train.
        cancel.ThrowIfCancellationRequested();
        var result = TrainProgress.Run(trainer, d.XTrain, d.YTrain, d.XVal, d.YVal, interactive: !s.Json, cancel, s.LogEvery);
        if (result.Reason == StopReason.Cancelled && result.History.Count == 0) throw new OperationCanceledException(cancel);
        if (result.Message is not null) notes.Add(result.Message);

        // Evaluate on the test rows in the target's units: eval mode, no gradients, de-scaled predictions.
        double[] predicted = RegressionOutputs.Values(model, d.XTest, d.Scaler);
        var report = RegressionReport.Create(d.YTest, predicted);
        var convergence = ConvergenceDetector.Detect(result.History.TrainLoss, result.History.ValLoss);

        var training = TrainJob.TrainingOptions(s, result);
        training["loss"] = loss;
        training["task"] = d.Task.Name;
        training["target_scaling"] = d.Scaler.IsStandard ? "standard" : "none";
        training.Remove("class_weight");
        training["stratify"] = false;   // ignored for a continuous target (a note says so)
        var saved = SavedModel.ForRegression(spec, model, d.Preprocessor, d.Scaler, d.Target, training, d.DataInfo) with { TaskReason = d.Task.Reason };
        RegressionRunFiles.Write(output.Staging, saved, result, report, d.YTest, predicted, convergence, finalDirectory: output.Final);
        output.Commit();

        var summary = new TrainSummary(s, spec, saved, result, null, convergence, output.Final, notes, d.ScaleHint,
            d.TrainRows, d.ValRows, d.TestRows, clock.Elapsed.TotalSeconds)
        { Task = d.Task, Regression = report };
        if (s.Json) TrainReport.WriteJson(summary);
        else TrainReport.WriteTable(summary);
        return TrainJob.Outcome(result, cancel);
    }
}
