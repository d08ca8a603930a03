using System.Globalization;
using System.Text.Json;
using Kindling.Training.Metrics;

namespace Kindling.Cli.Commands;

/// <summary>A regression's test metrics as <c>kindling train</c> and <c>evaluate</c> print them.</summary>
static class RegressionReportText
{
    /// <summary>The task fields of <c>--json</c> (every run), and the regression metrics (a regression run).</summary>
    public static void WriteJson(Utf8JsonWriter json, TrainSummary s)
    {
        json.WriteString("task", s.Test is null ? "regression" : "classification");
        if (s.Task is not null) json.WriteString("task_reason", s.Task.Reason);
        if (s.Regression is { } r) WriteMetrics(json, r, "test_");
    }

    /// <summary>R², MAE, RMSE, MSE, MAPE, median absolute error and explained variance, each named with <paramref name="prefix"/>.</summary>
    public static void WriteMetrics(Utf8JsonWriter json, RegressionReport r, string prefix)
    {
        foreach (var (name, value) in Named(r))
        {
            if (double.IsFinite(value)) json.WriteNumber(prefix + name, value);
            else json.WriteNull(prefix + name);
        }
    }

    public static IEnumerable<(string Name, double Value)> Named(RegressionReport r) =>
    [
        ("r2", r.R2), ("mae", r.MeanAbsoluteError), ("rmse", r.RootMeanSquaredError), ("mse", r.MeanSquaredError),
        ("mape", r.MeanAbsolutePercentageError), ("median_ae", r.MedianAbsoluteError), ("explained_variance", r.ExplainedVariance),
    ];

    /// <summary>The summary table's rows.</summary>
    public static IEnumerable<(string, string)> Rows(RegressionReport r) =>
    [
        ("test R²", F(r.R2)),
        ("test MAE", F(r.MeanAbsoluteError)),
        ("test RMSE", F(r.RootMeanSquaredError)),
    ];

    /// <summary>One line: every metric, for <c>evaluate</c>.</summary>
    public static string Line(RegressionReport r) =>
        $"rows {r.Rows}   R² {F(r.R2)}   MAE {F(r.MeanAbsoluteError)}   RMSE {F(r.RootMeanSquaredError)}   MAPE {F(r.MeanAbsolutePercentageError)}   " +
        $"median AE {F(r.MedianAbsoluteError)}   explained variance {F(r.ExplainedVariance)}";

    static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
