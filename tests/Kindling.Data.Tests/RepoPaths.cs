namespace Kindling.Data.Tests;

/// <summary>Finds files in the repository (fixtures, test data) from the test binary's folder.</summary>
static class RepoPaths
{
    static readonly Lazy<string> RootPath = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kindling.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Kindling.slnx not found above " + AppContext.BaseDirectory);
    });

    internal static string Root => RootPath.Value;

    internal static string Fixture(string name) => Path.Combine(Root, "tools", "reference", "fixtures", name);

    internal static string TestData(string name) => Path.Combine(Root, "tests", "Kindling.Data.Tests", "Data", name);
}
