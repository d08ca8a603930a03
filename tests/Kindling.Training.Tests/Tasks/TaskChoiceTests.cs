using Kindling.Data;
using Kindling.Training.Tasks;

namespace Kindling.Training.Tests.Tasks;

public sealed class TaskChoiceTests
{
    static Column Target(string csv) => Csv.ReadText("y\n" + csv)["y"];

    [Fact]
    public void Auto_TextTarget_IsClassification() =>
        Assert.Equal(TaskKind.Classification, TaskChoice.Choose(Target("cat\ndog\ncat\n"), "auto").Kind);

    [Fact]
    public void Auto_FewWholeNumbers_IsClassification()
    {
        var choice = TaskChoice.Choose(Target(string.Join("\n", Enumerable.Range(0, 40).Select(i => i % 20)) + "\n"), "auto");
        Assert.Equal(TaskKind.Classification, choice.Kind);
        Assert.Contains("20 distinct whole numbers", choice.Reason);
    }

    [Fact]
    public void Auto_TwentyOneWholeNumbers_IsRegression() =>
        Assert.Equal(TaskKind.Regression, TaskChoice.Choose(Target(string.Join("\n", Enumerable.Range(0, 21)) + "\n"), "auto").Kind);

    [Fact]
    public void Auto_FractionalValues_IsRegression()
    {
        var choice = TaskChoice.Choose(Target("1.5\n2\n1.5\n"), "auto");
        Assert.Equal(TaskKind.Regression, choice.Kind);
        Assert.Contains("not whole numbers", choice.Reason);
    }

    [Fact]
    public void Regression_TextTarget_Throws() =>
        Assert.Contains("text", Assert.Throws<ArgumentException>(() => TaskChoice.Choose(Target("a\nb\n"), "regression")).Message);

    [Fact]
    public void Explicit_OverridesAuto() =>
        Assert.Equal(TaskKind.Regression, TaskChoice.Choose(Target("1\n2\n1\n"), "regression").Kind);
}
