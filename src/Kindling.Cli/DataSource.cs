using System.Security.Cryptography;
using Kindling.Data;

namespace Kindling.Cli;

/// <summary>Reads the CSV a command was given ('wineqt' is the embedded dataset) and fingerprints it.</summary>
static class DataSource
{
    /// <summary>Reads a file to apply a saved model to: each column it shares with the training data is read as the
    /// kind it had then (a column that was text in training stays text even if this file holds only numbers).</summary>
    public static Frame ReadLike(string data, Preprocessor preprocessor, bool noHeader, bool fingerprint = false)
    {
        Frame frame;
        if (IsEmbedded(data)) frame = Datasets.Load(data);
        else
        {
            if (fingerprint) StartFingerprint(data);
            using var progress = ReadProgress.For(data);
            frame = ReadCsv(data, new CsvOptions
            {
                HasHeader = noHeader ? false : null,
                ColumnKinds = preprocessor.ColumnKinds,
                ColumnKindsMayBeAbsent = true,
                Progress = progress,
            });
        }
        var missing = preprocessor.ColumnKinds.Keys.Where(name => !frame.Contains(name)).ToList();
        if (missing.Count > 0)
            throw new UsageException($"the model needs column '{missing[0]}', which {frame.Source ?? data} lacks; "
                + $"missing {(missing.Count == 1 ? "column" : $"{missing.Count} columns")}: {string.Join(", ", missing.Select(m => $"'{m}'"))}; "
                + $"its columns are: {string.Join(", ", frame.ColumnNames.Select(c => $"'{c}'"))}");
        return frame;
    }

    public static bool IsEmbedded(string data) => Datasets.Names.Contains(data.Trim().ToLowerInvariant());

    /// <summary>'-' is standard input, as for pandas' <c>read_csv(sys.stdin)</c> and most command-line tools.</summary>
    public static bool IsStdin(string data) => data == "-";

    /// <summary>What model.json records as the data's path: the embedded name, '-' for standard input, or the full path.</summary>
    public static string PathOf(string data) => IsEmbedded(data) ? data.Trim().ToLowerInvariant() : IsStdin(data) ? "-" : Path.GetFullPath(data);

    static Frame ReadCsv(string data, CsvOptions options)
    {
        if (!IsStdin(data)) return Csv.Read(data, options);
        using var input = StandardInput.ReadAll(options.CancellationToken);
        // The fingerprint is of the bytes as given (compressed ones stay compressed), as a file's is.
        Fingerprints[StdinKey] = Task.FromResult(Convert.ToHexStringLower(SHA256.HashData(input.GetBuffer().AsSpan(0, (int)input.Length))));
        return Csv.Read(input, options with { SourceName = StandardInput.Name });
    }

    const string StdinKey = "<stdin>";

    static string Key(string data) => IsStdin(data) ? StdinKey : Path.GetFullPath(data);

    static void StartFingerprint(string data)
    {
        if (!IsStdin(data) && File.Exists(data)) Fingerprints[Key(data)] = Task.Run(() => HashFile(data));
    }

    /// <summary>Reads the CSV a command was given. With <paramref name="fingerprint"/>, a file's SHA-256 (which the run
    /// folder records) is computed meanwhile on another thread, from the page cache the read has just filled, instead of
    /// after the data preparation (SHA-256 runs at ~1 GB/s: 0.25 s for a 257 MB file).</summary>
    public static Frame Read(string data, bool noHeader = false, string? categorical = null, string? numeric = null, bool fingerprint = true,
        CancellationToken cancel = default)
    {
        if (IsEmbedded(data)) return Datasets.Load(data);
        if (fingerprint) StartFingerprint(data);
        var kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var name in Lists.Split(categorical)) kinds[name] = ColumnKind.Categorical;
        foreach (var name in Lists.Split(numeric))
        {
            if (kinds.ContainsKey(name)) throw new UsageException($"column '{name}' is named in both --categorical and --numeric");
            kinds[name] = ColumnKind.Numeric;
        }
        Frame frame;
        using (var progress = ReadProgress.For(data))
            frame = ReadCsv(data, new CsvOptions { HasHeader = noHeader ? false : null, ColumnKinds = kinds, Progress = progress, CancellationToken = cancel });
        foreach (var name in kinds.Keys)
            if (!frame.Contains(name)) throw Columns.Unknown(frame, name, kinds[name] == ColumnKind.Numeric ? "--numeric" : "--categorical");
        return frame;
    }

    // Hashes started by Read, by full path.
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string>> Fingerprints = new(StringComparer.Ordinal);

    /// <summary>SHA-256 of the file's bytes as given (compressed, for a .gz; of the embedded resource for 'wineqt';
    /// of what was read from standard input for '-'), lower-case hex.</summary>
    public static string Sha256(string data)
    {
        if (!IsEmbedded(data) && Fingerprints.TryRemove(Key(data), out var started))
        {
            try { return started.GetAwaiter().GetResult(); }
            catch (IOException) { }  // the file changed under us: hash it again below, which reports a real problem
        }
        if (IsStdin(data)) throw new InvalidOperationException("standard input is hashed while it is read");
        if (!IsEmbedded(data)) return HashFile(data);
        using var stream = typeof(Datasets).Assembly.GetManifestResourceStream("Kindling.Data.WineQT.csv")!;
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
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
