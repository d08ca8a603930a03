using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Kindling.Cli.Commands;

/// <summary>Prints the end of a training run: a summary table for people, or exactly one JSON object for programs.</summary>
static class TrainReport
{
    public static void WriteJson(TrainSummary s)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var json = new Utf8JsonWriter(stdout, new JsonWriterOptions { Encoder = CliJson.Encoder }))
        {
            var h = s.Result.History;
            json.WriteStartObject();
            WriteArray(json, "train_loss", h.TrainLoss);
            if (h.TrainAccuracy.Count > 0) WriteArray(json, "train_accuracy", h.TrainAccuracy);
            if (h.ValLoss.Count > 0)
            {
                WriteArray(json, "val_loss", h.ValLoss);
                WriteArray(json, "val_accuracy", h.ValAccuracy);
            }
            Number(json, "test_accuracy", s.Test?.Accuracy ?? double.NaN);
            Number(json, "test_macro_f1", s.Test?.MacroAverage.FScore ?? double.NaN);
            Number(json, "test_balanced_accuracy", s.Test?.BalancedAccuracy ?? double.NaN);
            RegressionReportText.WriteJson(json, s);
            NumberOrNull(json, "test_roc_auc", s.Test?.RocAucMacro);
            if (s.Test?.Threshold is double threshold)
            {
                NumberOrNull(json, "test_average_precision", s.Test.AveragePrecision);
                json.WriteNumber("threshold", threshold);
            }
            json.WriteNumber("suggested_epochs", s.Convergence.SuggestedEpochs);
            json.WriteBoolean("converged", s.Convergence.Converged);
            json.WriteString("convergence", s.Convergence.Reason);
            json.WriteNumber("epochs_trained", h.Count);
            json.WriteString("stop_reason", s.Result.Reason.ToString());
            if (s.Result.BestEpoch is int best) json.WriteNumber("best_epoch", best);
            json.WriteNumber("train_seconds", s.Result.TrainSeconds);
            json.WriteNumber("checkpoint_seconds", s.Result.CheckpointSeconds);
            json.WriteNumber("total_seconds", s.TotalSeconds);
            json.WriteString("out", s.Out);
            json.WriteString("architecture", s.Architecture);
            json.WriteStartArray("classes");
            if (s.Test is not null) foreach (var c in s.Saved.Labels.Classes) json.WriteStringValue(c);
            json.WriteEndArray();
            json.WriteNumber("n_train", s.TrainRows);
            json.WriteNumber("n_val", s.ValRows);
            json.WriteNumber("n_test", s.TestRows);
            json.WriteStartArray("notes");
            foreach (var note in s.Notes) json.WriteStringValue(note);
            if (s.ScaleHint is not null) json.WriteStringValue(s.ScaleHint);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stdout.WriteByte((byte)'\n');
    }

    // JSON has no NaN or infinity: a non-finite value (a diverged run) is written as null.
    static void WriteArray(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            if (double.IsFinite(v)) json.WriteNumberValue(v);
            else json.WriteNullValue();
        }
        json.WriteEndArray();
    }

    static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }

    static void NumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v) Number(json, name, v);
        else json.WriteNull(name);
    }

    public static void WriteTable(TrainSummary s)
    {
        var h = s.Result.History;
        var rows = new List<(string, string)>
        {
            ("data", $"{s.Settings.Data} → {s.Saved.Target} ({(s.Test is null ? "regression" : $"{s.Saved.Labels.Count} classes")})"),
            ("rows", $"{s.TrainRows} train, {(s.ValRows > 0 ? $"{s.ValRows} validation{(s.Settings.AutoValSize ? " (held out for early stopping)" : "")}, " : "")}{s.TestRows} test"),
            ("model", s.Architecture),
            ("epochs", $"{h.Count} of {s.Settings.Epochs} ({(s.Settings.BatchSize > 0 ? $"batch {s.Settings.BatchSize}" : "full batch")}, {s.Settings.Optimizer} lr {F(s.Settings.Lr)})"),
        };
        var restored = RestoredEpochRows.Rows(s.Result, s.Settings.EarlyStopping).ToList();
        if (restored.Count > 0) rows.AddRange(restored);
        else
        {
            rows.Add(("final train loss", h.Count > 0 ? h.TrainLoss[^1].ToString("F6", CultureInfo.InvariantCulture) : "-"));
            if (h.ValLoss.Count > 0) rows.Add(("final validation loss", h.ValLoss[^1].ToString("F6", CultureInfo.InvariantCulture)));
        }
        if (s.Test is { } test)
        {
            rows.Add(("test accuracy", $"{test.Accuracy.ToString("F4", CultureInfo.InvariantCulture)} ({Correct(s)} of {s.TestRows})"));
            rows.Add(("test macro F1", test.MacroAverage.FScore.ToString("F4", CultureInfo.InvariantCulture)));
            if (test.Threshold is double t)
                rows.Add(("test ROC AUC", $"{(test.RocAucMacro is double auc ? auc.ToString("F4", CultureInfo.InvariantCulture) : "-")}, average precision {(test.AveragePrecision is double ap ? ap.ToString("F4", CultureInfo.InvariantCulture) : "-")} (threshold {Training.Runs.DecisionThreshold.Format(t)})"));
            if (test.AbsentClasses.Length > 0) rows.Add(("not in test rows", $"{string.Join(", ", test.AbsentClasses.Take(10))}{(test.AbsentClasses.Length > 10 ? $" and {test.AbsentClasses.Length - 10} more" : "")} (not averaged in)"));
        }
        if (s.Regression is { } regression) rows.AddRange(RegressionReportText.Rows(regression));
        rows.Add(("suggested epochs", $"{s.Convergence.SuggestedEpochs} — {s.Convergence.Reason}"));
        rows.Add(("time", $"{F(s.Result.TrainSeconds * 1000)} ms training, {F(s.TotalSeconds)} s in all"));
        rows.Add(("saved to", s.Out));

        if (Terminal.IsRich)
        {
            var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
            foreach (var (k, v) in rows) table.AddRow(new Markup($"[bold]{Markup.Escape(k)}[/]"), new Text(v));
            AnsiConsole.Write(table);
        }
        else
        {
            int width = rows.Max(r => r.Item1.Length);
            foreach (var (k, v) in rows) Console.WriteLine($"{k.PadRight(width)}  {v}");
        }
        if (restored.Count > 0) Console.WriteLine(RestoredEpochRows.Legend(s.Result, s.Convergence.SuggestedEpochs));
        foreach (var note in s.Notes) Console.WriteLine(note);
        if (s.ScaleHint is not null) Console.WriteLine(s.ScaleHint);
    }

    static int Correct(TrainSummary s) => (int)Math.Round(s.Test!.Accuracy * s.TestRows);

    static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
