using System.Text.Json;
using Kindling.Optim;
using Kindling.Optim.LrScheduler;

namespace Kindling.Tests.Optim.LrScheduler;

/// <summary>Every scheduler's lr (and momentum) sequence against PyTorch 1.13 (optim_schedulers.json).</summary>
public sealed class LRSchedulerTests
{
    // The schedulers do PyTorch's double arithmetic in the same order, so the sequences are equal to the bit;
    // the bound only absorbs a libm cos differing in the last place on another platform.
    private const double LrRelativeTolerance = 1e-12;
    private const string File = "optim_schedulers.json";

    public static IEnumerable<object[]> EpochCases() =>
        OptimFixtures.CaseNames(File).Where(r => OptimFixtures.Case(File, (string)r[0]).GetProperty("scheduler").GetString() != "ReduceLROnPlateau");

    public static IEnumerable<object[]> PlateauCases() => OptimFixtures.CaseNames(File, "ReduceLROnPlateau");

    /// <summary>Two groups (lr 0.1 and 0.05) as the fixture script builds them; grads are absent, so Step is a no-op.</summary>
    internal static Optimizer NewOptimizer(string kind)
    {
        var groups = new[]
        {
            new ParamGroup([Tensor.FromArray(new float[2], 2)]) { ["lr"] = 0.1 },
            new ParamGroup([Tensor.FromArray(new float[3], 3)]) { ["lr"] = 0.05 },
        };
        return kind == "SGD" ? new SGD(groups, lr: 0.1, momentum: 0.9) : new Adam(groups, lr: 0.1);
    }

    internal static LRScheduler NewScheduler(Optimizer opt, JsonElement c)
    {
        var o = c.GetProperty("options");
        double D(string k, double d) => o.TryGetProperty(k, out var v) ? v.GetDouble() : d;
        int? I(string k) => o.TryGetProperty(k, out var v) ? v.GetInt32() : null;
        bool B(string k, bool d) => o.TryGetProperty(k, out var v) ? v.GetBoolean() : d;
        switch (c.GetProperty("scheduler").GetString())
        {
            case "StepLR": return new StepLR(opt, I("step_size")!.Value, D("gamma", 0.1));
            case "MultiStepLR": return new MultiStepLR(opt, OptimFixtures.Ints(o.GetProperty("milestones")), D("gamma", 0.1));
            case "ExponentialLR": return new ExponentialLR(opt, D("gamma", double.NaN));
            case "CosineAnnealingLR": return new CosineAnnealingLR(opt, I("T_max")!.Value, D("eta_min", 0));
            default:
                var maxLr = o.GetProperty("max_lr");
                IReadOnlyList<double> maxLrs = maxLr.ValueKind == JsonValueKind.Array
                    ? OptimFixtures.F64(maxLr) : [.. Enumerable.Repeat(maxLr.GetDouble(), opt.ParamGroups.Count)];
                var anneal = o.TryGetProperty("anneal_strategy", out var a) && a.GetString() == "linear" ? AnnealStrategy.Linear : AnnealStrategy.Cos;
                return new OneCycleLR(opt, maxLrs, I("total_steps"), I("epochs"), I("steps_per_epoch"), D("pct_start", 0.3), anneal,
                    B("cycle_momentum", true), D("base_momentum", 0.85), D("max_momentum", 0.95), D("div_factor", 25),
                    D("final_div_factor", 1e4), B("three_phase", false));
        }
    }

    internal static double Momentum(ParamGroup g) =>
        g.ContainsKey("betas") ? ((ValueTuple<double, double>)g["betas"]).Item1 : (double)g["momentum"];

    private static void AssertClose(double expected, double actual, string where) =>
        Assert.True(Math.Abs(actual - expected) <= LrRelativeTolerance * Math.Abs(expected),
            $"{where}: {actual:R} vs PyTorch {expected:R}");

    [Theory]
    [MemberData(nameof(EpochCases))]
    public void Step_ThirtyEpochs_MatchesPyTorchLrSequence(string name)
    {
        var c = OptimFixtures.Case(File, name);
        var opt = NewOptimizer(c.GetProperty("optimizer").GetString()!);
        var sched = NewScheduler(opt, c);
        var lrs = c.GetProperty("lrs");
        var momenta = c.GetProperty("momenta");
        for (int t = 0; t < lrs.GetArrayLength(); t++)
        {
            if (t > 0)
            {
                opt.Step();
                sched.Step();
            }
            var expected = OptimFixtures.F64(lrs[t]);
            var actual = sched.GetLastLr();
            var expectedMomenta = OptimFixtures.F64(momenta[t]);
            for (int g = 0; g < expected.Length; g++)
            {
                AssertClose(expected[g], actual[g], $"{name} epoch {t} group {g} lr");
                Assert.Equal(actual[g], opt.ParamGroups[g].Lr);
                AssertClose(expectedMomenta[g], Momentum(opt.ParamGroups[g]), $"{name} epoch {t} group {g} momentum");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PlateauCases))]
    public void ReduceLROnPlateau_MetricSequence_MatchesPyTorchLrSequence(string name)
    {
        var c = OptimFixtures.Case(File, name);
        var o = c.GetProperty("options");
        var opt = NewOptimizer("SGD");
        var mode = o.TryGetProperty("mode", out var m) && m.GetString() == "max" ? PlateauMode.Max : PlateauMode.Min;
        var thresholdMode = o.TryGetProperty("threshold_mode", out var tm) && tm.GetString() == "abs" ? ThresholdMode.Abs : ThresholdMode.Rel;
        double D(string k, double d) => o.TryGetProperty(k, out var v) ? v.GetDouble() : d;
        int I(string k, int d) => o.TryGetProperty(k, out var v) ? v.GetInt32() : d;
        double[] minLrs = o.TryGetProperty("min_lr", out var ml)
            ? ml.ValueKind == JsonValueKind.Array ? OptimFixtures.F64(ml) : [ml.GetDouble(), ml.GetDouble()]
            : [0, 0];
        var sched = new ReduceLROnPlateau(opt, minLrs, mode, D("factor", 0.1), I("patience", 10), D("threshold", 1e-4),
            thresholdMode, I("cooldown", 0), D("eps", 1e-8));
        var metrics = OptimFixtures.F64(c.GetProperty("metrics"));
        var lrs = c.GetProperty("lrs");
        Assert.Equal(OptimFixtures.F64(lrs[0]), sched.GetLastLr());
        for (int t = 0; t < metrics.Length; t++)
        {
            opt.Step();
            sched.Step(metrics[t]);
            var expected = OptimFixtures.F64(lrs[t + 1]);
            for (int g = 0; g < expected.Length; g++)
                AssertClose(expected[g], sched.GetLastLr()[g], $"{name} epoch {t + 1} group {g}");
        }
    }

    [Fact]
    public void OneCycleLR_StepPastTotalSteps_ThrowsNamingTotal()
    {
        var opt = NewOptimizer("SGD");
        var sched = new OneCycleLR(opt, maxLr: 0.1, totalSteps: 3);
        for (int i = 0; i < 3; i++) sched.Step();
        var ex = Assert.Throws<InvalidOperationException>(sched.Step);
        Assert.Contains("total steps is 3", ex.Message);
    }

    [Fact]
    public void OneCycleLR_OptimizerWithoutMomentum_Throws()
    {
        var opt = new Adagrad([Tensor.FromArray(new float[1], 1)]);
        var ex = Assert.Throws<ArgumentException>(() => new OneCycleLR(opt, maxLr: 0.1, totalSteps: 10));
        Assert.Contains("momentum", ex.Message);
    }

    [Fact]
    public void OneCycleLR_NeitherTotalNorEpochs_Throws()
    {
        Assert.Throws<ArgumentException>(() => new OneCycleLR(NewOptimizer("SGD"), maxLr: 0.1));
    }

    [Fact]
    public void ReduceLROnPlateau_FactorOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(NewOptimizer("SGD"), factor: 1.0));
    }

    [Fact]
    public void Constructor_ResumeWithoutInitialLr_ThrowsNamingGroup()
    {
        var ex = Assert.Throws<ArgumentException>(() => new StepLR(NewOptimizer("SGD"), stepSize: 2, lastEpoch: 5));
        Assert.Contains("initial_lr", ex.Message);
        Assert.Contains("param_groups[0]", ex.Message);
    }
}
