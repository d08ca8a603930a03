using System.Text;

namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>Staging folders are unique per run and owned exclusively, even when every run has the same process id
/// (a container's PID 1): in-process reservations share a PID, so they stand in for two containers.</summary>
public sealed class RunDirectoryTests
{
    [Fact]
    public void Reserve_SamePidSameOut_GivesEachRunItsOwnStaging()
    {
        using var temp = new TempFolder();
        using var first = RunDirectory.Reserve(temp["same"]);
        using var second = RunDirectory.Reserve(temp["same"]);
        Assert.NotEqual(first.Staging, second.Staging);
        Assert.StartsWith($".same.partial-{Environment.ProcessId}-", Path.GetFileName(first.Staging), StringComparison.Ordinal);
    }

    [Fact]
    public void Commit_TwoRunsRaceForOneName_LoserIsToldAndKeepsItsOwnRun()
    {
        using var temp = new TempFolder();
        var first = RunDirectory.Reserve(temp["same"]);
        var second = RunDirectory.Reserve(temp["same"]);
        File.WriteAllText(Path.Combine(first.Staging, "model.json"), "first");
        File.WriteAllText(Path.Combine(second.Staging, "model.json"), "second");

        first.Commit();
        var e = Assert.Throws<RunKeptException>(second.Commit);

        Assert.Equal("first", File.ReadAllText(Path.Combine(temp["same"], "model.json")));
        Assert.Contains(second.Staging, e.Message, StringComparison.Ordinal);
        Assert.Equal("second", File.ReadAllText(Path.Combine(second.Staging, "model.json")));
        Assert.False(File.Exists(Path.Combine(temp["same"], RunDirectory.OwnerFile)), "the owner file is the staging folder's, not the run's");
    }

    [Fact]
    public void TryOwn_FolderAlreadyOwned_IsRefused()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp["stale"]);
        using var owner = RunDirectory.TryOwn(temp["stale"]);
        Assert.NotNull(owner);
        Assert.Null(RunDirectory.TryOwn(temp["stale"]));
    }

    [Theory]
    [InlineData(255, 'a')]
    [InlineData(250, 'a')]
    [InlineData(127, 'é')]   // two UTF-8 bytes each: 254 bytes
    public void StagingName_LongestLegalOutName_FitsNameMax(int length, char c)
    {
        string staging = RunDirectory.StagingName(new string(c, length));
        Assert.InRange(Encoding.UTF8.GetByteCount(staging), 1, 255);
        Assert.StartsWith("." + c, staging, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_OutNameOf250Characters_SavesTheRun()
    {
        using var temp = new TempFolder();
        string name = new('r', 250);
        var r = Cli.Run(temp.Path, "train", "--epochs", "1", "--json", "--out", name);
        CliAssert.Success(r);
        Assert.True(File.Exists(Path.Combine(temp[name], "model.json")));
        Assert.Empty(Directory.GetDirectories(temp.Path, ".*"));
    }
}
