using Kindling.Random;

namespace Kindling.Data.Tests.Loading;

/// <summary>Tests that seed Torch's global generator run alone.</summary>
[CollectionDefinition("GlobalGenerator", DisableParallelization = true)]
public sealed class GlobalGeneratorCollection;

[Collection("GlobalGenerator")]
public sealed class DataLoaderTests
{
    static readonly System.Text.Json.JsonElement Golden = Fixtures.Load("data_loader.json");

    public static TheoryData<int> Cases => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Epochs_AfterManualSeed_MatchPyTorch(int index)
    {
        var g = Golden.GetProperty("loaders")[index];
        int n = g.GetProperty("n").GetInt32();
        Torch.ManualSeed(42);
        var generator = g.GetProperty("generator").GetBoolean() ? new Generator(7) : null;
        var features = new float[n];
        for (int i = 0; i < n; i++) features[i] = i * 0.5f;
        var dataset = new TensorDataset(Torch.Arange(n), Torch.Tensor(features).View(n, 1));
        var loader = new DataLoader(dataset, g.GetProperty("batch").GetInt32(), shuffle: true,
            dropLast: g.GetProperty("drop_last").GetBoolean(), generator: generator);
        foreach (var epoch in g.GetProperty("epochs").EnumerateArray())
        {
            var expected = epoch.EnumerateArray().Select(b => b.Longs()).ToArray();
            Assert.Equal(expected.Length, loader.Count);
            int k = 0;
            foreach (var batch in loader)
            {
                var ids = batch[0].ToArray<long>();
                Assert.Equal(expected[k++], ids);
                Assert.Equal(ids.Select(i => i * 0.5f), batch[1].ToArray<float>());  // rows stay paired
            }
            Assert.Equal(expected.Length, k);
        }
        // The generator was consumed exactly as PyTorch consumed it.
        double after = generator is null ? Torch.Rand(1).Item() : Torch.Rand([1], DType.Float32, generator).Item();
        Assert.Equal(g.GetProperty("rand_after").GetDouble(), after);
    }

    [Fact]
    public void Batches_ReuseBuffers_AndDoNotShuffleByDefault()
    {
        var loader = new DataLoader(new TensorDataset(Torch.Arange(10)), batchSize: 4);
        var seen = new List<Tensor>();
        var values = new List<long[]>();
        foreach (var batch in loader)
        {
            seen.Add(batch[0]);
            values.Add(batch[0].ToArray<long>());
        }
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], values);
        Assert.Same(seen[0], seen[1]);  // full batches share one buffer
    }

    [Fact]
    public void TensorDataset_SizeMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TensorDataset(Torch.Zeros(3, 2), Torch.Zeros(4)));
    }
}
