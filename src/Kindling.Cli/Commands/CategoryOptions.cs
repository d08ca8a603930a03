using System.CommandLine;

namespace Kindling.Cli.Commands;

/// <summary>train's one-hot options, scikit-learn's OneHotEncoder(max_categories=..., min_frequency=...).</summary>
static class CategoryOptions
{
    public static (Option<int> MaxCategories, Option<double?> MinFrequency) Create()
    {
        var maxCategories = new Option<int>("--max-categories")
        {
            Description = "One-hot features per text column at most: the most frequent categories keep their own and the rest share one "
                + "'infrequent' feature, as scikit-learn's OneHotEncoder(max_categories=N); 0 for no limit.",
            HelpName = "N",
            DefaultValueFactory = _ => TrainSettings.DefaultMaxCategories,
        };
        maxCategories.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is var n && n != 0 && n < 2) r.AddError($"--max-categories must be 0 (no limit) or at least 2, got {n}");
        });
        var minFrequency = new Option<double?>("--min-frequency")
        {
            Description = "Categories seen fewer times in the training rows join the 'infrequent' feature; a value below 1 is a fraction of the rows "
                + "(OneHotEncoder(min_frequency=...)).",
            HelpName = "N",
        };
        minFrequency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is double f && !(f > 0 && f < 1 || f >= 1 && f == Math.Floor(f) && f <= int.MaxValue))
                r.AddError($"--min-frequency must be a count ≥ 1 or a fraction in (0, 1), got {f}");
        });
        return (maxCategories, minFrequency);
    }

    /// <summary>"grouped rare categories into one 'infrequent' feature in 'city', 'shop' (--max-categories 100)", or null.</summary>
    public static string? GroupedNote(Kindling.Data.Preprocessor p, TrainSettings s)
    {
        var grouped = p.CategoricalColumns.Where((_, j) => p.OneHot!.HasInfrequent[j]).Select(c => $"'{c}'").ToList();
        if (grouped.Count == 0) return null;
        var options = new List<string>();
        if (s.MaxCategories != 0) options.Add($"--max-categories {s.MaxCategories}");
        if (s.MinFrequency is double f) options.Add($"--min-frequency {f.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        return $"grouped rare categories into one 'infrequent' feature in {string.Join(", ", grouped)} ({string.Join(", ", options)})";
    }
}
