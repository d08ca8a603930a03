using System.Globalization;
using Kindling.Training.Checkpoints;

namespace Kindling.Training.Tests.Checkpoints;

/// <summary>history.jsonl gives back exactly the records written (the oracle: the records themselves).</summary>
public sealed class HistoryLogTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("kindling-history").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    static History Of(params EpochRecord[] records)
    {
        var history = new History();
        foreach (var r in records) history.Add(r);
        return history;
    }

    [Fact]
    public void Read_AppendedInTwoParts_GivesTheRecordsBackExactly()
    {
        var history = Of(
            new EpochRecord(1, 2.122403383255005, 1.9, 0.25, 0.01, 0.001),
            new EpochRecord(2, 1.8646601438522339, double.NaN, 0.5, 1e-5, 0.002),
            new EpochRecord(3, 0.1 + 0.2, double.PositiveInfinity, null, 0.01, 0.003));
        string path = Path.Combine(dir, HistoryLog.FileName);
        File.WriteAllBytes(path, HistoryLog.Lines(history.Epochs, 0));
        var read = HistoryLog.Read(path, 3, (0.1 + 0.2).ToString("R", CultureInfo.InvariantCulture), "ckpt");
        Assert.Equal(history.Epochs, read.Epochs);
    }

    [Fact]
    public void Read_PartialLastLine_ReadsTheCompleteOnes()
    {
        var history = Of(new EpochRecord(1, 2.5, null, null, 0.01, 0.001), new EpochRecord(2, 1.5, null, null, 0.01, 0.001));
        string path = Path.Combine(dir, HistoryLog.FileName);
        var bytes = HistoryLog.Lines(history.Epochs, 0);
        File.WriteAllBytes(path, [.. bytes, .. HistoryLog.Lines(history.Epochs, 1)[..10]]);   // a crash mid-append
        Assert.Equal(history.Epochs, HistoryLog.Read(path, 2, "1.5", "ckpt").Epochs);
    }
}
