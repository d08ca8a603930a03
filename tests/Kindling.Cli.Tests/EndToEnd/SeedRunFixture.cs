using System.Text.Json;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>One default <c>kindling train --json</c> run (the seed), shared by every test of the
/// <see cref="SeedRunCollection"/>: evaluate, predict, export and inspect all start from its run folder.</summary>
public sealed class SeedRunFixture : IDisposable
{
    readonly TempFolder _temp = new();

    public SeedRunFixture()
    {
        Train = Cli.Run(_temp.Path, "train", "--json", "--out", "seed");
        CliAssert.Success(Train);
        Json = CliAssert.SingleJsonObject(Train);
        RunFolder = _temp["seed"];

        // The seed's test rows (sklearn's split, from the PyTorch fixture), raw, without the target column.
        var curve = Repo.Fixture("seed_curve.json");
        TestRows = curve.GetProperty("test_indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        var lines = File.ReadAllLines(Repo.WineQtCsv);
        Header = lines[0].Split(',');
        int target = Array.IndexOf(Header, "quality");
        TestLabels = TestRows.Select(r => lines[r + 1].Split(',')[target]).ToArray();
        TestRowsWithoutTarget = _temp["wineqt-test-no-target.csv"];
        File.WriteAllLines(TestRowsWithoutTarget, new[] { lines[0] }.Concat(TestRows.Select(r => lines[r + 1]))
            .Select(l => string.Join(',', l.Split(',').Where((_, j) => j != target))));
    }

    /// <summary>The training run's result (exit 0).</summary>
    internal CliResult Train { get; }
    /// <summary>Its --json object.</summary>
    public JsonElement Json { get; }
    /// <summary>The run folder it wrote.</summary>
    public string RunFolder { get; }
    /// <summary>WineQT.csv's header.</summary>
    public string[] Header { get; }
    /// <summary>The 229 test rows' indices into WineQT.csv (0 = first data row).</summary>
    public int[] TestRows { get; }
    /// <summary>Their quality labels as written in the file.</summary>
    public string[] TestLabels { get; }
    /// <summary>A CSV of the test rows, raw, with Id but without quality.</summary>
    public string TestRowsWithoutTarget { get; }

    /// <summary>A new scratch folder for one test.</summary>
    internal TempFolder Scratch() => new();

    public void Dispose() => _temp.Dispose();
}

/// <summary>Tests that share the seed run (xUnit runs one collection's tests one after another).</summary>
[CollectionDefinition(Name)]
public sealed class SeedRunCollection : ICollectionFixture<SeedRunFixture>
{
    public const string Name = "seed run";
}
