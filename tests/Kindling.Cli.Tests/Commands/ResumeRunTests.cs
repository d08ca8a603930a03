using System.Text.Json;
using Kindling.Cli.Commands;

namespace Kindling.Cli.Tests.Commands;

/// <summary>The rule --resume relies on to stay generic: every option of <c>train</c> is either saved in resume.json
/// under its own name (and so checked against the run's value) or one a continuation may change.</summary>
public sealed class ResumeRunTests
{
    [Fact]
    public void TrainOptions_EachIsASavedSettingOrFree()
    {
        var saved = JsonSerializer.SerializeToNode(new TrainSettings(), SettingsJsonContext.Default.TrainSettings)!.AsObject();
        var unmatched = TrainCommand.Create().Options
            .Select(o => o.Name.TrimStart('-'))
            .Where(name => name != "help" && !ResumeRun.Free.Contains(name) && !saved.ContainsKey(name))
            .ToList();
        // An option named differently from its TrainSettings property would be refused by every --resume.
        Assert.True(unmatched.Count == 0, $"options without a TrainSettings property of the same name: {string.Join(", ", unmatched)}");
    }

    [Fact]
    public void FreeOptions_AreAllOptionsOfTrain()
    {
        var names = TrainCommand.Create().Options.Select(o => o.Name.TrimStart('-')).ToHashSet();
        Assert.All(ResumeRun.Free, name => Assert.Contains(name, names));
    }
}
