namespace Kindling.Training.Tests.Metrics;

/// <summary>Locates committed files by walking up from the test binary to the folder holding Kindling.slnx.</summary>
internal static class FixturePaths
{
    public static string Root { get; } = FindRoot();

    public static string Fixture(string name) => Path.Combine(Root, "tools", "reference", "fixtures", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kindling.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Kindling.slnx above {AppContext.BaseDirectory}.");
    }
}
