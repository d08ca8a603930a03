using Kindling.Training.Checkpoints;

namespace Kindling.Training.Tests.Checkpoints;

/// <summary>The retention rule is PyTorch Lightning's ModelCheckpoint(save_top_k=k, save_last=True) with a loss
/// monitored in mode "min".</summary>
public sealed class CheckpointKeeperTests
{
    static int[] Keep(int keepBest, params double[] losses)
    {
        var keeper = new CheckpointKeeper(keepBest);
        var onDisk = new SortedSet<int>();
        for (int i = 0; i < losses.Length; i++)
        {
            int epoch = i + 1;
            onDisk.Add(epoch);
            foreach (var dropped in keeper.Add(epoch, losses[i], $"e{epoch}")) Assert.True(onDisk.Remove(int.Parse(dropped[1..], System.Globalization.CultureInfo.InvariantCulture)));
        }
        Assert.Equal(onDisk, keeper.Kept.Select(k => k.Epoch));
        return [.. onDisk];
    }

    [Fact]
    public void Add_KeepOne_KeepsTheBestAndTheLast() => Assert.Equal([2, 5], Keep(1, 3, 1, 2, 4, 5));

    [Fact]
    public void Add_KeepTwo_KeepsTheTwoBestAndTheLast() => Assert.Equal([2, 3, 5], Keep(2, 3, 1, 2, 4, 5));

    [Fact]
    public void Add_LastIsBest_KeepsOneFile() => Assert.Equal([4], Keep(1, 4, 3, 2, 1));

    [Fact]
    public void Add_KeepZero_KeepsOnlyTheLast() => Assert.Equal([5], Keep(0, 3, 1, 2, 4, 5));

    [Fact]
    public void Add_KeepAll_RemovesNothing() => Assert.Equal([1, 2, 3, 4, 5], Keep(-1, 3, 1, 2, 4, 5));

    [Fact]
    public void Add_NaNLoss_RanksLast() => Assert.Equal([2, 4], Keep(1, double.NaN, 2, double.NaN, double.NaN));

    [Fact]
    public void Add_Tie_KeepsTheEarlierCheckpoint() => Assert.Equal([1, 3], Keep(1, 1, 1, 1));
}
