using Kindling.Random;
using static Kindling.Tests.Random.RandomFixtures;

namespace Kindling.Tests.Random;

/// <summary>Oracle: PyTorch 1.13 DataLoader(TensorDataset(arange(914)), batch_size=32, shuffle=True) after manual_seed(42).</summary>
public sealed class SamplerSeedsTests
{
    [Fact]
    public void DataLoaderEpochOrder_TwoShuffledEpochs_MatchesPyTorchDataLoader()
    {
        var fixture = Load("random_torch.json").GetProperty("dataloader");
        int n = fixture.GetProperty("n").GetInt32(), batch = fixture.GetProperty("batch_size").GetInt32();
        var g = new Generator((ulong)fixture.GetProperty("seed").GetInt64());
        foreach (var epoch in fixture.GetProperty("epochs").EnumerateArray())
        {
            var order = SamplerSeeds.DataLoaderEpochOrder(g, n, shuffle: true);
            var batches = epoch.EnumerateArray().Select(Longs).ToArray();
            Assert.Equal((n + batch - 1) / batch, batches.Length);
            Assert.Equal(batches.SelectMany(b => b).ToArray(), order);
        }
        Assert.Equal(fixture.GetProperty("next").GetInt64(), (long)(g.Random() % 0xFFFFFFFFu));
    }

    [Fact]
    public void DataLoaderEpochOrder_NoShuffle_StillDrawsBaseSeedLikePyTorch()
    {
        // An unshuffled loader's iterator consumes one random64 (two words) and yields 0..n-1.
        var g = new Generator(42);
        var reference = new Generator(42);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (long)i), SamplerSeeds.DataLoaderEpochOrder(g, 5, shuffle: false));
        reference.Random64();
        Assert.Equal(reference.Random(), g.Random());
    }
}
