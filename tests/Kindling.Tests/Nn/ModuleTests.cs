using Kindling.Nn;
using Kindling.Tests.TestSupport;

namespace Kindling.Tests.Nn;

[Collection("Torch.DefaultGenerator")]
public sealed class ModuleTests
{
    /// <summary>The fixture's custom module: Block{fc: Linear(3,4), norm: BatchNorm1d(4), act: ReLU}.</summary>
    private sealed class Block : Module
    {
        private readonly Linear _fc;
        private readonly BatchNorm1d _norm;
        private readonly ReLU _act;

        public Block()
        {
            _fc = RegisterModule("fc", new Linear(3, 4));
            _norm = RegisterModule("norm", new BatchNorm1d(4));
            _act = RegisterModule("act", new ReLU());
        }

        protected override Tensor Forward(Tensor input) => _act.Call(_norm.Call(_fc.Call(input)));
    }

    private static Sequential FixtureModel() =>
        new(new Linear(2, 3), new ReLU(), new Sequential(new Linear(3, 3, bias: false), new BatchNorm1d(3)),
            new Block(), new Dropout(0.1), new Linear(4, 1));

    private static (string, int[])[] Pairs(string key) =>
        Fixture.Load("nn_state_dict.json").GetProperty(key).EnumerateArray()
            .Select(e => (e[0].GetString()!, Fixture.Ints(e[1]))).ToArray();

    [Fact]
    public void StateDict_NestedModel_MatchesPyTorchNamesOrderAndShapes()
    {
        var state = FixtureModel().StateDict();
        var expected = Pairs("state_dict");
        Assert.Equal(expected.Select(p => p.Item1), state.Keys);
        foreach (var (name, shape) in expected) Assert.Equal(shape, state[name].Shape);
    }

    [Fact]
    public void NamedParametersBuffersModules_NestedModel_MatchPyTorch()
    {
        var model = FixtureModel();
        var root = Fixture.Load("nn_state_dict.json");
        Assert.Equal(Pairs("named_parameters").Select(p => p.Item1), model.NamedParameters().Select(p => p.Name));
        Assert.Equal(Pairs("named_buffers").Select(p => p.Item1), model.NamedBuffers().Select(p => p.Name));
        Assert.Equal(root.GetProperty("named_modules").EnumerateArray().Select(e => e.GetString()), model.NamedModules().Select(m => m.Name));
        Assert.Equal(root.GetProperty("children").EnumerateArray().Select(e => e.GetString()), model.Children().Select(m => m.GetType().Name));
        Assert.Equal(root.GetProperty("modules").EnumerateArray().Select(e => e.GetString()), model.Modules().Select(m => m.GetType().Name));
    }

    [Fact]
    public void Parameters_SharedModule_ListedOnce()
    {
        var shared = new Linear(2, 2);
        var model = new Sequential(shared, new ReLU(), shared);
        Assert.Equal(["0.weight", "0.bias"], model.NamedParameters().Select(p => p.Name));
        Assert.Equal(2, model.Parameters().Count());
    }

    [Fact]
    public void LoadStateDict_RoundTrip_CopiesValues()
    {
        var source = FixtureModel();
        var target = FixtureModel();
        var state = source.StateDict();
        var result = target.LoadStateDict(state);
        Assert.Empty(result.MissingKeys);
        Assert.Empty(result.UnexpectedKeys);
        foreach (var (name, value) in target.StateDict())
            Assert.Equal(state[name].Double().ToArray<double>(), value.Double().ToArray<double>());
    }

    [Fact]
    public void LoadStateDict_MissingUnexpectedAndMisshapen_ListsAllInOneMessageAndCopiesNothing()
    {
        var model = new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1));
        var before = model[0].StateDict()["weight"].Clone();
        var state = new Dictionary<string, Tensor>
        {
            ["0.weight"] = Torch.Zeros(3, 2),
            ["0.bias"] = Torch.Zeros(4),
            ["2.weight"] = Torch.Zeros(1, 3),
            ["extra.weight"] = Torch.Zeros(1),
        };
        var ex = Assert.Throws<ArgumentException>(() => model.LoadStateDict(state));
        Assert.Contains("Missing key(s) in state_dict: \"2.bias\"", ex.Message);
        Assert.Contains("Unexpected key(s) in state_dict: \"extra.weight\"", ex.Message);
        Assert.Contains("size mismatch for 0.bias: copying a param with shape [4] from checkpoint, the shape in current model is [3]", ex.Message);
        Assert.Equal(before.ToArray<float>(), model[0].StateDict()["weight"].ToArray<float>());
    }

    [Fact]
    public void LoadStateDict_NotStrict_ReturnsMissingAndUnexpectedKeys()
    {
        var model = new Linear(2, 3);
        var result = model.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = Torch.Ones(3, 2), ["other"] = Torch.Ones(1) }, strict: false);
        Assert.Equal(["bias"], result.MissingKeys);
        Assert.Equal(["other"], result.UnexpectedKeys);
        Assert.All(model.Weight.ToArray<float>(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void LoadStateDict_NotStrict_ShapeMismatchStillThrows()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new Linear(2, 3).LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = Torch.Ones(2, 2) }, strict: false));
        Assert.Contains("size mismatch for weight", ex.Message);
    }

    [Fact]
    public void StateDict_SharesStorageAndIsDetached()
    {
        var linear = new Linear(2, 2);
        var w = linear.StateDict()["weight"];
        Assert.False(w.RequiresGrad);
        using (Torch.NoGrad()) w.Fill_(3);
        Assert.All(linear.Weight.ToArray<float>(), v => Assert.Equal(3f, v));
    }

    [Fact]
    public void ForwardPreHook_ReplacesInputAndDisposeRemovesIt()
    {
        var identity = new Identity();
        Module? seen = null;
        var handle = identity.RegisterForwardPreHook((m, x) =>
        {
            seen = m;
            return x.Mul(2.0);
        });
        Assert.Equal([2f], identity.Call(Torch.Ones(1)).ToArray<float>());
        Assert.Same(identity, seen);
        handle.Dispose();
        handle.Dispose();
        Assert.Equal([1f], identity.Call(Torch.Ones(1)).ToArray<float>());
    }

    [Fact]
    public void ForwardHooks_RunInOrderWithInputAndOutput()
    {
        var model = new Sequential(new Linear(2, 3), new ReLU());
        var log = new List<string>();
        model[0].RegisterForwardHook((m, input, output) => log.Add($"linear {Module.FormatShape(input.Shape)}->{Module.FormatShape(output.Shape)}"));
        model[1].RegisterForwardHook((m, input, output) => output.Mul(0.0));
        model.RegisterForwardPreHook((m, input) => log.Add("model"));
        var y = model.Call(Torch.Ones(4, 2));
        Assert.Equal(["model", "linear [4, 2]->[4, 3]"], log);
        Assert.All(y.ToArray<float>(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void TrainEval_SetsModeRecursively()
    {
        var model = FixtureModel();
        Assert.Same(model, model.Eval());
        Assert.All(model.Modules(), m => Assert.False(m.Training));
        model.Train();
        Assert.All(model.Modules(), m => Assert.True(m.Training));
    }

    [Fact]
    public void Apply_VisitsChildrenBeforeParent()
    {
        var inner = new Sequential(new ReLU());
        var model = new Sequential(new Identity(), inner);
        var order = new List<Module>();
        model.Apply(order.Add);
        Assert.Equal([model[0], inner[0], inner, model], order);
    }

    [Fact]
    public void ZeroGrad_SetToNoneOrZeros()
    {
        var linear = new Linear(2, 2);
        linear.Call(Torch.Ones(1, 2)).Sum().Backward();
        Assert.NotNull(linear.Weight.Grad);
        linear.ZeroGrad(setToNone: false);
        Assert.All(linear.Weight.Grad!.ToArray<float>(), v => Assert.Equal(0f, v));
        linear.ZeroGrad();
        Assert.Null(linear.Weight.Grad);
        Assert.Null(linear.Bias!.Grad);
    }

    [Fact]
    public void ToString_NestedModel_PrintsLikePyTorch()
    {
        var model = new Sequential(new Linear(11, 16), new ReLU(), new Sequential(new Dropout(0.1)));
        Assert.Equal(
            "Sequential(\n  (0): Linear(in_features=11, out_features=16, bias=True)\n  (1): ReLU()\n" +
            "  (2): Sequential(\n    (0): Dropout(p=0.1, inplace=False)\n  )\n)",
            model.ToString());
    }

    [Fact]
    public void Sequential_IndexerAndCount()
    {
        var relu = new ReLU();
        var model = new Sequential(new Identity(), relu);
        Assert.Equal(2, model.Count);
        Assert.Same(relu, model[-1]);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => model[2]);
        Assert.Contains("index 2", ex.Message);
    }

    [Fact]
    public void Parameter_IsLeafRequiringGrad()
    {
        var p = new Parameter(Torch.Zeros(2));
        Assert.True(p.RequiresGrad);
        Assert.True(p.IsLeaf);
        Assert.StartsWith("Parameter containing:\n", p.ToString());
    }

    [Fact]
    public void RegisterParameter_NameWithDot_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BadModule());
        Assert.Contains("a.b", ex.Message);
    }

    private sealed class BadModule : Module
    {
        public BadModule() => RegisterParameter("a.b", new Parameter(Torch.Zeros(1)));

        protected override Tensor Forward(Tensor input) => input;
    }
}
