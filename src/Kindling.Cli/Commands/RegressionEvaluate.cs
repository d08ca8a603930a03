using System.Text.Json;
using Kindling.Data;
using Kindling.Training.Metrics;
using Kindling.Training.Runs;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling evaluate</c> for a regression model: every regression metric in the target's units.</summary>
static class RegressionEvaluate
{
    public static int Run(SavedModel saved, Frame frame, string? output, bool json)
    {
        if (frame[saved.Target] is not NumericColumn target)
            throw new DataException($"the target '{saved.Target}' must hold numbers for a regression model", frame.Source, column: saved.Target);
        var report = RegressionReport.Create(target.Values, saved.PredictValues(frame));
        if (output is not null) OutputFile.Write("--output", output, full => RegressionRunFiles.WriteMetrics(full, report));
        if (json)
        {
            using var stdout = Console.OpenStandardOutput();
            using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                writer.WriteString("task", "regression");
                writer.WriteNumber("rows", report.Rows);
                RegressionReportText.WriteMetrics(writer, report, "");
                writer.WriteEndObject();
            }
            stdout.WriteByte((byte)'\n');
        }
        else
        {
            Console.WriteLine(RegressionReportText.Line(report));
        }
        return ExitCodes.Success;
    }
}
