using Kindling.Optim;

namespace Kindling.Tests.Optim;

/// <summary>The Optimizer base: groups and defaults, ZeroGrad, argument checks, and no allocation per step.</summary>
public sealed class OptimizerTests
{
    private static Tensor Param(params float[] values) => Tensor.FromArray(values, values.Length);

    [Fact]
    public void ZeroGrad_Default_SetsGradsToNullAsPyTorch2()
    {
        var p = Param(1, 2);
        p.Grad = Param(3, 4);
        new SGD([p], lr: 0.1).ZeroGrad();
        Assert.Null(p.Grad);
    }

    [Fact]
    public void ZeroGrad_SetToNoneFalse_FillsZerosInPlace()
    {
        var p = Param(1, 2);
        var grad = Param(3, 4);
        p.Grad = grad;
        new SGD([p], lr: 0.1).ZeroGrad(setToNone: false);
        Assert.Same(grad, p.Grad);
        Assert.Equal([0f, 0f], grad.ToArray<float>());
    }

    [Fact]
    public void Step_ParamWithoutGrad_IsLeftUntouchedWithNoState()
    {
        var a = Param(1, 2);
        var b = Param(3, 4);
        var opt = new Adam([a, b], lr: 0.1);
        a.Grad = Param(1, 1);
        opt.Step();
        Assert.Equal([3f, 4f], b.ToArray<float>());
        Assert.DoesNotContain(opt.StateDict().Keys, k => k.StartsWith("state.1.", StringComparison.Ordinal));
    }

    [Fact]
    public void ParamGroups_GroupOptions_OverrideDefaultsAndFillTheRest()
    {
        var g0 = new ParamGroup([Param(1)]) { ["lr"] = 0.5 };
        var g1 = new ParamGroup([Param(2)]) { ["betas"] = (0.5, 0.6), ["amsgrad"] = true };
        var opt = new Adam([g0, g1], lr: 0.01, weightDecay: 0.1);
        Assert.Equal(0.5, opt.ParamGroups[0].Lr);
        Assert.Equal((0.9, 0.999), opt.ParamGroups[0]["betas"]);
        Assert.Equal(0.01, opt.ParamGroups[1].Lr);
        Assert.Equal((0.5, 0.6), opt.ParamGroups[1]["betas"]);
        Assert.Equal(true, opt.ParamGroups[1]["amsgrad"]);
        Assert.Equal(0.1, opt.ParamGroups[1]["weight_decay"]);
    }

    [Fact]
    public void ParamGroup_IntegerOption_IsStoredAsDouble()
    {
        var g = new ParamGroup([Param(1)]) { ["lr"] = 1 };
        Assert.Equal(1.0, g["lr"]);
    }

    [Fact]
    public void Constructor_NegativeLr_ThrowsNamingOption()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([Param(1)], lr: -1));
        Assert.Equal("lr", ex.ParamName);
    }

    [Fact]
    public void Constructor_BetaOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AdamW([Param(1)], betas: (0.9, 1.0)));
    }

    [Fact]
    public void Constructor_NesterovWithoutMomentum_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SGD([Param(1)], lr: 0.1, nesterov: true));
        Assert.Contains("Nesterov", ex.Message);
    }

    [Fact]
    public void Constructor_EmptyParameters_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SGD(Array.Empty<Tensor>(), lr: 0.1));
        Assert.Contains("empty parameter list", ex.Message);
    }

    [Fact]
    public void AddParamGroup_ParameterAlreadyOptimized_Throws()
    {
        var p = Param(1);
        var opt = new SGD([p], lr: 0.1);
        var ex = Assert.Throws<ArgumentException>(() => opt.AddParamGroup(new ParamGroup([p])));
        Assert.Contains("more than one parameter group", ex.Message);
    }

    [Fact]
    public void Constructor_Float64Parameter_ThrowsNamingDType()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SGD([Tensor.FromArray(new double[] { 1 }, 1)], lr: 0.1));
        Assert.Contains("Float64", ex.Message);
    }

    [Fact]
    public void Step_GradShapeMismatch_ThrowsNamingShapes()
    {
        var p = Param(1, 2);
        var opt = new SGD([p], lr: 0.1);
        p.Grad = Param(1, 2, 3);
        var ex = Assert.Throws<InvalidOperationException>(() => opt.Step());
        Assert.Contains("[3]", ex.Message);
        Assert.Contains("[2]", ex.Message);
    }

    public static IEnumerable<object[]> Optimizers() =>
    [
        ["SGD"], ["Adam"], ["AdamW"], ["RMSprop"], ["Adagrad"],
    ];

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Step_AfterFirstStep_AllocatesNothing(string kind)
    {
        var ps = new[] { Tensor.FromArray(new float[176], 11, 16), Tensor.FromArray(new float[16], 16), Tensor.FromArray(new float[6], 6) };
        foreach (var p in ps) p.Grad = Tensor.FromArray(Enumerable.Range(0, p.NumEl).Select(i => 0.01f * (i % 7 - 3)).ToArray(), p.Shape);
        Optimizer opt = kind switch
        {
            "SGD" => new SGD(ps, lr: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true),
            "Adam" => new Adam(ps, lr: 0.01, amsgrad: true, weightDecay: 0.1),
            "AdamW" => new AdamW(ps, lr: 0.01),
            "RMSprop" => new RMSprop(ps, momentum: 0.9, centered: true),
            _ => new Adagrad(ps, lrDecay: 0.01),
        };
        opt.Step();   // creates the state buffers
        opt.Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) opt.Step();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
