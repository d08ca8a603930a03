using System.Text.Json;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Files of the repository the tests read: the dataset and the PyTorch fixtures.</summary>
static class Repo
{
    /// <summary>The folder holding Kindling.slnx, found by walking up from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>data/WineQT.csv, the file the embedded dataset was made from.</summary>
    public static string WineQtCsv => Path.Combine(Root, "data", "WineQT.csv");

    /// <summary>A committed fixture from tools/reference/fixtures.</summary>
    public static JsonElement Fixture(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "tools", "reference", "fixtures", name)));
        return doc.RootElement.Clone();
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Kindling.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"Kindling.slnx not found above {AppContext.BaseDirectory}");
    }
}
