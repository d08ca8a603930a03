using System.Text.Json;
using Kindling.Training.Tests.Metrics;

namespace Kindling.Training.Tests.Seed;

/// <summary>PyTorch 1.13's runs of the seed program, from <c>tools/reference/fixtures/seed_runs.json</c>
/// (written by <c>tools/reference/seed_fixtures.py</c>).</summary>
internal static class SeedRuns
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(FixturePaths.Fixture("seed_runs.json"))).RootElement.Clone());

    /// <summary>One recorded run: <c>full_batch</c>, <c>mini_batch</c> or <c>data_loader</c>.</summary>
    public static PyTorchRun Get(string name)
    {
        var run = Root.Value.GetProperty(name);
        return new PyTorchRun(
            run.GetProperty("train_loss").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            run.GetProperty("test_accuracy").GetDouble(),
            run.GetProperty("test_correct").GetInt32(),
            run.GetProperty("first_weight_row_bits").EnumerateArray().Select(e => e.GetUInt32()).ToArray());
    }

    /// <summary>Number of test rows of the 0.2 split of WineQT's 1,143 rows.</summary>
    public static int NTest => Root.Value.GetProperty("n_test").GetInt32();

    /// <summary>Number of training rows.</summary>
    public static int NTrain => Root.Value.GetProperty("n_train").GetInt32();
}

/// <summary>Per-epoch losses, test accuracy and the first initial weight row (float32 bit patterns) of a PyTorch run.</summary>
internal sealed record PyTorchRun(double[] TrainLoss, double TestAccuracy, int TestCorrect, uint[] FirstWeightRowBits);
