using System.Security.Cryptography;
using Kindling.Data;

namespace Kindling.Cli;

/// <summary>Reads the CSV a command was given ('wineqt' is the embedded dataset) and fingerprints it.</summary>
static class DataSource
{
    /// <summary>Reads a file to apply a saved model to: each column it shares with the training data is read as the
    /// kind it had then (a column that was text in training stays text even if this file holds only numbers).</summary>
    public static Frame ReadLike(string data, Preprocessor preprocessor, bool noHeader)
    {
        if (IsEmbedded(data)) return Datasets.Load(data);
        using var progress = ReadProgress.For(data);
        return Csv.Read(data, new CsvOptions { HasHeader = noHeader ? false : null, ColumnKinds = preprocessor.ColumnKinds, Progress = progress });
    }

    public static bool IsEmbedded(string data) => Datasets.Names.Contains(data.Trim().ToLowerInvariant());

    public static Frame Read(string data, bool noHeader = false, string? categorical = null, string? numeric = null)
    {
        if (IsEmbedded(data)) return Datasets.Load(data);
        var kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var name in Lists.Split(categorical)) kinds[name] = ColumnKind.Categorical;
        foreach (var name in Lists.Split(numeric))
        {
            if (kinds.ContainsKey(name)) throw new UsageException($"column '{name}' is named in both --categorical and --numeric");
            kinds[name] = ColumnKind.Numeric;
        }
        Frame frame;
        using (var progress = ReadProgress.For(data))
            frame = Csv.Read(data, new CsvOptions { HasHeader = noHeader ? false : null, ColumnKinds = kinds, Progress = progress });
        foreach (var name in kinds.Keys)
            if (!frame.Contains(name)) throw Columns.Unknown(frame, name, kinds[name] == ColumnKind.Numeric ? "--numeric" : "--categorical");
        return frame;
    }

    /// <summary>SHA-256 of the file's bytes (of the embedded resource for 'wineqt'), lower-case hex.</summary>
    public static string Sha256(string data)
    {
        using var stream = IsEmbedded(data)
            ? typeof(Datasets).Assembly.GetManifestResourceStream("Kindling.Data.WineQT.csv")!
            : File.OpenRead(data);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>Comma-separated option values.</summary>
static class Lists
{
    /// <summary>"a, b" → [a, b]; null or blank → none.</summary>
    public static string[] Split(string? list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Column-name checks with messages that list what the file does have.</summary>
static class Columns
{
    public static UsageException Unknown(Frame frame, string name, string option) =>
        new($"{option}: column '{name}' is not in {frame.Source ?? "the data"}; its columns are: {string.Join(", ", frame.ColumnNames)}");

    public static void Require(Frame frame, string name, string option)
    {
        if (!frame.Contains(name)) throw Unknown(frame, name, option);
    }
}
