using System.CommandLine;
using System.Globalization;
using Kindling.Data;
using Kindling.Training.Metrics;
using Spectre.Console;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling evaluate</c>: a saved model's metrics on labelled data, through the saved preprocessing.</summary>
static class EvaluateCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var data = CommonOptions.Data(required: true);
        var output = new Option<string?>("--output") { Description = "Also write the metrics as JSON to this file (metrics.json format)." };
        var json = CommonOptions.Json();
        var noHeader = CommonOptions.NoHeader();
        var command = new Command("evaluate", "Measure a trained model on a labelled CSV file (the saved preprocessing is applied).")
        {
            model, data, output, json, noHeader,
        };
        command.SetAction(parsed => Run(parsed.GetValue(model)!, parsed.GetValue(data)!, parsed.GetValue(output), parsed.GetValue(json), parsed.GetValue(noHeader)));
        return command;
    }

    static int Run(string modelDir, string data, string? output, bool json, bool noHeader)
    {
        OutputFile.Check(output, "--output");
        var saved = ModelLoader.Load(modelDir);
        var frame = DataSource.ReadLike(data, saved.Preprocessor, noHeader, fingerprint: true);
        Columns.Require(frame, saved.Target, "--data");
        var keep = Enumerable.Range(0, frame.RowCount).Where(r => !frame[saved.Target].IsMissing(r)).ToArray();
        if (keep.Length < frame.RowCount)
        {
            if (!json) Console.Error.WriteLine($"warning: ignored {frame.RowCount - keep.Length} row(s) whose target '{saved.Target}' is missing");
            frame = frame.Take(keep);
        }
        if (frame.RowCount == 0) throw new DataException("no labelled rows to evaluate", frame.Source);
        if (!json) UnseenCategoryWarning.Print(saved.Preprocessor, frame);
        if (saved.Task == Training.Tasks.TaskKind.Regression) return RegressionEvaluate.Run(saved, frame, output, json);
        int[] yTrue = saved.Labels.Transform(frame, saved.Target).Select(v => (int)v).ToArray();
        // On stderr even with --json: a leak must not pass unnoticed, and stdout stays one JSON object.
        foreach (var warning in TrainingRowSample.Warnings(saved, frame, data)) Console.Error.WriteLine(warning);
        // Bounded past 50 classes, as train's metrics.json: the output stays readable for any class count.
        var report = ManyClasses.Bound(Evaluation.Report(saved.PredictProba(frame), yTrue, saved.Labels, saved.Threshold));
        if (output is not null) OutputFile.Write("--output", output, full => RunFiles.WriteMetrics(full, report));
        if (json) Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(report, CliJson.Report));
        else Print(report, frame.RowCount);
        return ExitCodes.Success;
    }

    static void Print(ClassificationReport r, int rows)
    {
        static string F(double v) => v.ToString("F4", CultureInfo.InvariantCulture);
        Console.WriteLine($"rows {rows}   accuracy {F(r.Accuracy)}   balanced accuracy {F(r.BalancedAccuracy)}   macro F1 {F(r.MacroAverage.FScore)}   weighted F1 {F(r.WeightedAverage.FScore)}"
            + (r.LogLoss is double ll ? $"   log loss {F(ll)}" : ""));
        if (r.Threshold is double t)
            Console.WriteLine($"ROC AUC {(r.RocAucMacro is double auc ? F(auc) : "-")}   average precision {(r.AveragePrecision is double ap ? F(ap) : "-")}   threshold {Training.Runs.DecisionThreshold.Format(t)}");
        if (Terminal.IsRich)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("class", "precision", "recall", "F1", "support");
            foreach (var c in r.PerClass) table.AddRow(Markup.Escape(c.Name), F(c.Precision), F(c.Recall), F(c.F1), c.Support.ToString(CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
        }
        else
        {
            Console.WriteLine($"{"class",-12} {"precision",9} {"recall",9} {"F1",9} {"support",8}");
            foreach (var c in r.PerClass) Console.WriteLine($"{c.Name,-12} {F(c.Precision),9} {F(c.Recall),9} {F(c.F1),9} {c.Support,8}");
        }
        foreach (var note in r.Notes) Console.WriteLine($"note: {note}");
    }
}
