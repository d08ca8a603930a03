namespace Kindling.Data;

/// <summary>Datasets shipped inside the library, loadable by name.</summary>
public static class Datasets
{
    /// <summary>The names <see cref="Load"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["wineqt"];

    /// <summary>
    /// Loads an embedded dataset. <c>wineqt</c>: the Wine Quality (red) table the seed trains on —
    /// 1,143 rows, 11 numeric features, the target <c>quality</c> and a row <c>Id</c> (drop it);
    /// its origin and licence are in <c>data/NOTICE.md</c>.
    /// </summary>
    /// <exception cref="DataException">No dataset of that name.</exception>
    public static Frame Load(string name)
    {
        string key = name.Trim().ToLowerInvariant();
        string resource = key switch
        {
            "wineqt" => "Kindling.Data.WineQT.csv",
            _ => throw new DataException($"no embedded dataset named '{name}'; available: {string.Join(", ", Names)}"),
        };
        using var stream = typeof(Datasets).Assembly.GetManifestResourceStream(resource)
            ?? throw new DataException($"embedded dataset '{key}' is missing from this build");
        return Csv.Read(stream, new CsvOptions { SourceName = $"{key} (embedded)" });
    }
}
