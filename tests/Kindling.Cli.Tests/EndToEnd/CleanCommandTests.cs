namespace Kindling.Cli.Tests.EndToEnd;

/// <summary><c>kindling clean</c> removes the staging folders of dead runs and never those of live ones.</summary>
public sealed class CleanCommandTests
{
    [Fact]
    public void Clean_MixOfDeadAndLiveStaging_RemovesOnlyTheDead()
    {
        using var temp = new TempFolder();
        string killed = temp[".run.partial-4242-0123abcd"], live = temp[".other.partial-4243-89abcdef"];
        string oldDead = temp[".old.partial-999999999"], oldLive = temp[$".mine.partial-{Environment.ProcessId}"];
        foreach (var d in new[] { killed, live, oldDead, oldLive, temp["run2"] }) Directory.CreateDirectory(Path.Combine(d, "checkpoints"));
        File.WriteAllText(Path.Combine(killed, RunDirectory.OwnerFile), "pid 4242\n");   // its process died: no lock held
        using var liveLock = RunDirectory.TryOwn(live);                                   // a run in progress holds it

        var dry = Cli.Run(temp.Path, "clean", "--dry-run");
        CliAssert.Success(dry);
        Assert.Contains("found 2 stale staging folder(s); 2 in progress", dry.Stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(killed));

        var r = Cli.Run(temp.Path, "clean", ".");
        CliAssert.Success(r);
        Assert.False(Directory.Exists(killed));
        Assert.False(Directory.Exists(oldDead));
        Assert.True(Directory.Exists(live));
        Assert.True(Directory.Exists(oldLive));
        Assert.True(Directory.Exists(temp["run2"]));
    }

    [Fact]
    public void Clean_NotAFolder_ExitsTwo()
    {
        using var temp = new TempFolder();
        CliAssert.UserError(Cli.Run(temp.Path, "clean", "nowhere"), "nowhere");
    }
}
