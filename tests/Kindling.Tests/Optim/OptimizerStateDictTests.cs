using Kindling.Optim;

namespace Kindling.Tests.Optim;

/// <summary>StateDict/LoadStateDict: a checkpoint taken mid-run resumes bit for bit; bad dicts fail clearly.</summary>
public sealed class OptimizerStateDictTests
{
    public static IEnumerable<object[]> Cases => OptimFixtures.CaseNames("optim_trajectories.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void LoadStateDict_AfterTenSteps_ResumesBitIdentical(string name)
    {
        var c = new TrajectoryCase(name);
        var straight = c.NewParams();
        var opt = c.NewOptimizer(straight);
        for (int step = 0; step < c.StepCount; step++)
        {
            c.SetGrads(straight, step);
            opt.Step();
        }

        var first = c.NewParams();
        var optFirst = c.NewOptimizer(first);
        for (int step = 0; step < 10; step++)
        {
            c.SetGrads(first, step);
            optFirst.Step();
        }
        var saved = optFirst.StateDict();
        // A fresh process: new parameters holding the saved values, a new optimizer, then the loaded state.
        var resumed = first.Select(p => Tensor.FromArray(p.ToArray<float>(), p.Shape)).ToArray();
        var optResumed = c.NewOptimizer(resumed);
        optResumed.LoadStateDict(saved);
        for (int step = 10; step < c.StepCount; step++)
        {
            c.SetGrads(resumed, step);
            optResumed.Step();
        }
        for (int i = 0; i < straight.Length; i++)
            Assert.Equal(straight[i].ToArray<float>(), resumed[i].ToArray<float>());
    }

    [Fact]
    public void StateDict_Adam_HasPyTorchKeysAndOptionTypes()
    {
        var p = Tensor.FromArray(new float[] { 1, 2 }, 2);
        var opt = new Adam([p], lr: 0.01, betas: (0.8, 0.9));
        p.Grad = Tensor.FromArray(new float[] { 0.5f, -0.5f }, 2);
        opt.Step();
        var dict = opt.StateDict();
        Assert.Equal(
            ["state.0.step", "state.0.exp_avg", "state.0.exp_avg_sq", "param_groups.0.params", "param_groups.0.lr",
             "param_groups.0.betas", "param_groups.0.eps", "param_groups.0.weight_decay", "param_groups.0.amsgrad",
             "param_groups.0.maximize"],
            dict.Keys);
        Assert.Equal(1.0, dict["state.0.step"].Item());
        Assert.Equal(0, dict["state.0.step"].Dim);
        Assert.Equal([0.8, 0.9], dict["param_groups.0.betas"].ToArray<double>());
        Assert.Equal(DType.Bool, dict["param_groups.0.amsgrad"].DType);
        Assert.Equal([0L], dict["param_groups.0.params"].ToArray<long>());
    }

    [Fact]
    public void StateDict_AdagradBeforeFirstStep_HoldsInitialSumAsPyTorch()
    {
        var opt = new Adagrad([Tensor.FromArray(new float[] { 1, 2 }, 2)], initialAccumulatorValue: 0.25);
        var dict = opt.StateDict();
        Assert.Equal(0.0, dict["state.0.step"].Item());
        Assert.Equal([0.25f, 0.25f], dict["state.0.sum"].ToArray<float>());
    }

    [Fact]
    public void StateDict_Buffers_AreCopiesNotAliases()
    {
        var p = Tensor.FromArray(new float[] { 1, 2 }, 2);
        var opt = new SGD([p], lr: 0.1, momentum: 0.9);
        p.Grad = Tensor.FromArray(new float[] { 1, 1 }, 2);
        opt.Step();
        var dict = opt.StateDict();
        var before = dict["state.0.momentum_buffer"].ToArray<float>();
        opt.Step();
        Assert.Equal(before, dict["state.0.momentum_buffer"].ToArray<float>());
    }

    [Fact]
    public void LoadStateDict_RestoresGroupOptions()
    {
        var p = Tensor.FromArray(new float[] { 1, 2 }, 2);
        var source = new SGD([p], lr: 0.5, momentum: 0.3);
        var target = new SGD([Tensor.FromArray(new float[] { 1, 2 }, 2)], lr: 0.1);
        target.LoadStateDict(source.StateDict());
        Assert.Equal(0.5, target.ParamGroups[0].Lr);
        Assert.Equal(0.3, target.ParamGroups[0]["momentum"]);
    }

    [Fact]
    public void LoadStateDict_GroupSizeMismatch_ThrowsNamingGroup()
    {
        var source = new Adam([Tensor.FromArray(new float[2], 2), Tensor.FromArray(new float[3], 3)]);
        var target = new Adam([Tensor.FromArray(new float[2], 2)]);
        var ex = Assert.Throws<ArgumentException>(() => target.LoadStateDict(source.StateDict()));
        Assert.Contains("doesn't match the size of optimizer's group", ex.Message);
    }

    [Fact]
    public void LoadStateDict_WrongBufferShape_ThrowsNamingKeyAndShapes()
    {
        var p = Tensor.FromArray(new float[3], 3);
        var source = new Adam([p]);
        p.Grad = Tensor.FromArray(new float[3], 3);
        source.Step();
        var target = new Adam([Tensor.FromArray(new float[4], 2, 2)]);
        var dict = source.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
        var ex = Assert.Throws<ArgumentException>(() => target.LoadStateDict(dict));
        Assert.Contains("state.0.exp_avg", ex.Message);
        Assert.Contains("[3]", ex.Message);
        Assert.Contains("[2, 2]", ex.Message);
    }

    [Fact]
    public void LoadStateDict_UnknownBuffer_ThrowsAndChangesNothing()
    {
        var p = Tensor.FromArray(new float[] { 1 }, 1);
        var opt = new SGD([p], lr: 0.1);
        var dict = opt.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
        dict["param_groups.0.lr"] = Tensor.FromArray(new[] { 0.7 });
        dict["state.0.exp_avg"] = Tensor.FromArray(new float[] { 1 }, 1);
        var ex = Assert.Throws<ArgumentException>(() => opt.LoadStateDict(dict));
        Assert.Contains("state.0.exp_avg", ex.Message);
        Assert.Equal(0.1, opt.ParamGroups[0].Lr);
    }
}
