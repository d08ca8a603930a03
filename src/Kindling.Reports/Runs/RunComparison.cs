namespace Kindling.Reports.Runs;

/// <summary>One row of the comparison's metrics table: a value per run (null where a run has none) and which runs
/// are best (ties all marked).</summary>
public sealed record ComparedMetric(string Key, string Label, IReadOnlyList<double?> Values, bool HigherIsBetter, double? Baseline)
{
    /// <summary>Indices of the best runs; empty when fewer than two runs have the metric.</summary>
    public IReadOnlyList<int> Best
    {
        get
        {
            var present = Values.Select((v, i) => (v, i)).Where(p => p.v is double d && double.IsFinite(d)).ToList();
            if (present.Count < 2) return [];
            double best = HigherIsBetter ? present.Max(p => p.v!.Value) : present.Min(p => p.v!.Value);
            return present.Where(p => p.v == best).Select(p => p.i).ToList();
        }
    }
}

/// <summary>One row of the options table: the value per run ("–" where a run lacks the option).</summary>
public sealed record ComparedOption(string Key, IReadOnlyList<string> Values)
{
    public bool Differs => Values.Distinct(StringComparer.Ordinal).Count() > 1;
}

/// <summary>Runs side by side: the rows of the metrics and options tables, built once for the page and for --json.</summary>
public sealed class RunComparison
{
    public IReadOnlyList<RunRecord> Runs { get; }
    public IReadOnlyList<ComparedMetric> Metrics { get; }
    public IReadOnlyList<ComparedOption> Options { get; }

    public RunComparison(IReadOnlyList<RunRecord> runs)
    {
        if (runs.Count == 0) throw new ArgumentException("no runs to compare", nameof(runs));
        Runs = runs;
        Metrics = BuildMetrics(runs);
        Options = runs.SelectMany(r => r.Options.Select(o => o.Key)).Distinct(StringComparer.Ordinal)
            .Select(key => new ComparedOption(key, runs.Select(r => r.Options.FirstOrDefault(o => o.Key == key).Value ?? "–").ToList()))
            .ToList();
    }

    /// <summary>The display names: folder names, made unique with their parent folder where two are alike.</summary>
    public IReadOnlyList<string> Names => Runs.Select(r =>
        Runs.Count(o => o.Name == r.Name) > 1 ? $"{Path.GetFileName(Path.GetDirectoryName(r.Folder))}/{r.Name}" : r.Name).ToList();

    static List<ComparedMetric> BuildMetrics(IReadOnlyList<RunRecord> runs)
    {
        var rows = new List<ComparedMetric>();
        // The baseline is shown only when every run was scored on the same rows of the same data.
        bool sameData = runs.Select(r => (r.Question.Sha256, r.Question.TestRows, r.Options.FirstOrDefault(o => o.Key == "split_seed").Value,
            r.Options.FirstOrDefault(o => o.Key == "test_size").Value, r.Options.FirstOrDefault(o => o.Key == "stratify").Value)).Distinct().Count() == 1;
        foreach (var key in runs.SelectMany(r => r.Metrics.Select(m => m.Key)).Distinct(StringComparer.Ordinal))
        {
            var first = runs.SelectMany(r => r.Metrics).First(m => m.Key == key);
            rows.Add(new ComparedMetric(key, first.Label, runs.Select(r => r.Metrics.FirstOrDefault(m => m.Key == key)?.Value).ToList(),
                first.HigherIsBetter, sameData ? first.Baseline : null));
        }
        rows.Add(new ComparedMetric("final_train_loss", "Final train loss", runs.Select(r => Last(r.History.TrainLoss)).ToList(), false, null));
        if (runs.Any(r => r.History.HasValidation))
            rows.Add(new ComparedMetric("final_val_loss", "Final validation loss", runs.Select(r => Last(r.History.ValLoss)).ToList(), false, null));
        rows.Add(new ComparedMetric("train_seconds", "Training time (s)", runs.Select(r => (double?)r.History.Seconds.Sum()).ToList(), false, null));
        rows.Add(new ComparedMetric("parameters", "Parameters", runs.Select(r => (double?)r.ParameterCount).ToList(), false, null));
        return rows;
    }

    static double? Last(IReadOnlyList<double?> values) => values.LastOrDefault(v => v is not null);
}
