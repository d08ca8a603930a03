namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>A small CSV (no quoted fields) as header and string cells: the raw values a user's file holds.</summary>
sealed record RawCsv(string[] Header, string[][] Rows)
{
    public static RawCsv Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        return new RawCsv(lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToArray());
    }

    public string[] Column(string name)
    {
        int j = Array.IndexOf(Header, name);
        Assert.True(j >= 0, $"no column '{name}' in [{string.Join(", ", Header)}]");
        return Rows.Select(r => r[j]).ToArray();
    }

    /// <summary>The proba_* columns of a <c>kindling predict --proba</c> file, in class order.</summary>
    public double[][] Probabilities(IReadOnlyList<string> classes)
    {
        var columns = classes.Select(c => Column($"proba_{c}")).ToArray();
        return Enumerable.Range(0, Rows.Length)
            .Select(i => columns.Select(col => double.Parse(col[i], System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
    }
}
