using Kindling.Optim.LrScheduler;

namespace Kindling.Tests.Optim.LrScheduler;

/// <summary>Scheduler checkpoints: optimizer + scheduler state saved mid-run resume the same lr sequence.</summary>
public sealed class LRSchedulerStateDictTests
{
    public static IEnumerable<object[]> EpochCases() => LRSchedulerTests.EpochCases();

    [Theory]
    [MemberData(nameof(EpochCases))]
    public void LoadStateDict_AfterTwelveSteps_ResumesIdenticalSequence(string name)
    {
        var c = OptimFixtures.Case("optim_schedulers.json", name);
        string kind = c.GetProperty("optimizer").GetString()!;
        var opt = LRSchedulerTests.NewOptimizer(kind);
        var sched = LRSchedulerTests.NewScheduler(opt, c);
        var straight = new List<double>();
        for (int t = 0; t < 30; t++)
        {
            sched.Step();
            straight.AddRange(sched.GetLastLr());
            straight.AddRange(opt.ParamGroups.Select(LRSchedulerTests.Momentum));
        }

        opt = LRSchedulerTests.NewOptimizer(kind);
        sched = LRSchedulerTests.NewScheduler(opt, c);
        var resumed = new List<double>();
        for (int t = 0; t < 12; t++)
        {
            sched.Step();
            resumed.AddRange(sched.GetLastLr());
            resumed.AddRange(opt.ParamGroups.Select(LRSchedulerTests.Momentum));
        }
        var optState = opt.StateDict();
        var schedState = sched.StateDict();
        var opt2 = LRSchedulerTests.NewOptimizer(kind);
        var sched2 = LRSchedulerTests.NewScheduler(opt2, c);
        opt2.LoadStateDict(optState);
        sched2.LoadStateDict(schedState);
        Assert.Equal(sched.GetLastLr(), sched2.GetLastLr());
        for (int t = 12; t < 30; t++)
        {
            sched2.Step();
            resumed.AddRange(sched2.GetLastLr());
            resumed.AddRange(opt2.ParamGroups.Select(LRSchedulerTests.Momentum));
        }
        Assert.Equal(straight, resumed);
    }

    [Fact]
    public void ReduceLROnPlateau_LoadStateDict_RestoresBestAndCounters()
    {
        var opt = LRSchedulerTests.NewOptimizer("SGD");
        var sched = new ReduceLROnPlateau(opt, patience: 1, cooldown: 2);
        foreach (double m in new[] { 1.0, 0.5, 0.6, 0.7, 0.8 }) sched.Step(m);
        var copy = new ReduceLROnPlateau(LRSchedulerTests.NewOptimizer("SGD"), patience: 1, cooldown: 2);
        copy.LoadStateDict(sched.StateDict());
        Assert.Equal(0.5, copy.Best);
        Assert.Equal(sched.NumBadEpochs, copy.NumBadEpochs);
        Assert.Equal(sched.CooldownCounter, copy.CooldownCounter);
        Assert.Equal(5, copy.LastEpoch);
    }

    [Fact]
    public void ReduceLROnPlateau_FreshStateDict_KeepsInfiniteBest()
    {
        var sched = new ReduceLROnPlateau(LRSchedulerTests.NewOptimizer("SGD"), mode: PlateauMode.Max);
        Assert.Equal(double.NegativeInfinity, sched.StateDict()["best"].Item());
    }

    [Fact]
    public void LoadStateDict_MissingKey_ThrowsNamingKey()
    {
        var sched = new StepLR(LRSchedulerTests.NewOptimizer("SGD"), stepSize: 2);
        var dict = sched.StateDict().Where(kv => kv.Key != "base_lrs").ToDictionary(kv => kv.Key, kv => kv.Value);
        var ex = Assert.Throws<ArgumentException>(() => sched.LoadStateDict(dict));
        Assert.Contains("base_lrs", ex.Message);
    }
}
