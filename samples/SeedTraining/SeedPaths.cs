namespace SeedTraining;

/// <summary>Finds the repository the sample runs in, so <c>dotnet run --project samples/SeedTraining</c> reads
/// data/WineQT.csv from the repository root and writes loss.png next to the sample, whatever the working folder.</summary>
internal static class SeedPaths
{
    /// <summary>The folder holding Kindling.slnx above the working folder or above the built program; null outside the repository.</summary>
    public static string? RepositoryRoot { get; } = FindRoot(Environment.CurrentDirectory) ?? FindRoot(AppContext.BaseDirectory);

    /// <summary>The repository's data/WineQT.csv, or null when the sample runs outside the repository.</summary>
    public static string? WineQtCsv =>
        RepositoryRoot is string root && File.Exists(Path.Combine(root, "data", "WineQT.csv")) ? Path.Combine(root, "data", "WineQT.csv") : null;

    /// <summary>Where loss.png goes by default: the sample's folder in the repository (git-ignored there), else the working folder.</summary>
    public static string DefaultPlot =>
        RepositoryRoot is string root && Directory.Exists(Path.Combine(root, "samples", "SeedTraining"))
            ? Path.Combine(root, "samples", "SeedTraining", "loss.png")
            : "loss.png";

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kindling.slnx"))) return dir.FullName;
        }
        return null;
    }
}
