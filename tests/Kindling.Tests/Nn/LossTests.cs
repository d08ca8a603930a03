using System.Text.Json;
using Kindling.Nn;
using Kindling.Tests.TestSupport;

namespace Kindling.Tests.Nn;

public sealed class LossTests
{
    public static TheoryData<string> AllCases() => NnFixture.Names(NnFixture.Losses, _ => true);

    public static TheoryData<string> DifferentiableCases() =>
        NnFixture.Names(NnFixture.Losses, c => c.GetProperty("grad_output").ValueKind != JsonValueKind.Null);

    private static Reduction ReductionOf(JsonElement options) => options.GetProperty("reduction").GetString() switch
    {
        "none" => Reduction.None,
        "sum" => Reduction.Sum,
        _ => Reduction.Mean,
    };

    /// <summary>The loss module a fixture case describes, with its weights in <paramref name="dtype"/>.</summary>
    private static Loss Create(JsonElement options, DType dtype)
    {
        Tensor? Vector(string key) => options.TryGetProperty(key, out var v)
            ? TensorData.Create(Fixture.Doubles(v), [v.GetArrayLength()], dtype)
            : null;
        double Number(string key, double fallback) => options.TryGetProperty(key, out var v) ? v.GetDouble() : fallback;
        var reduction = ReductionOf(options);
        return options.GetProperty("kind").GetString() switch
        {
            "CrossEntropy" => new CrossEntropyLoss(Vector("weight"), (long)Number("ignore_index", -100), reduction, Number("label_smoothing", 0)),
            "NLL" => new NLLLoss(Vector("weight"), (long)Number("ignore_index", -100), reduction),
            "MSE" => new MSELoss(reduction),
            "L1" => new L1Loss(reduction),
            "Huber" => new HuberLoss(reduction, Number("delta", 1)),
            "BCE" => new BCELoss(Vector("weight"), reduction),
            "BCEWithLogits" => new BCEWithLogitsLoss(Vector("weight"), reduction, Vector("pos_weight")),
            var kind => throw new ArgumentException(kind),
        };
    }

    // Class-index targets (CE/NLL with integer data) are int64; everything else is floating.
    private static bool IntegerTarget(JsonElement c) =>
        c.GetProperty("options").GetProperty("kind").GetString() is "CrossEntropy" or "NLL"
        && !c.GetProperty("name").GetString()!.Contains("probs");

    [Theory]
    [MemberData(nameof(AllCases))]
    public void ForwardAndBackward_MatchesPyTorch(string name)
    {
        var c = NnFixture.Case(NnFixture.Losses, name);
        var loss = Create(c.GetProperty("options"), DType.Float32);
        var x = NnFixture.Float(c.GetProperty("input")).RequiresGrad_();
        bool targetGrad = c.GetProperty("grad_target").ValueKind != JsonValueKind.Null;
        var t = IntegerTarget(c) ? NnFixture.Long(c.GetProperty("target")) : NnFixture.Float(c.GetProperty("target")).RequiresGrad_(targetGrad);
        var y = loss.Call(x, t);
        NnFixture.AssertClose(c.GetProperty("output"), y, "loss");
        if (c.GetProperty("grad_output").ValueKind == JsonValueKind.Null) return;
        y.Backward(NnFixture.Float(c.GetProperty("grad_output")));
        NnFixture.AssertClose(c.GetProperty("grad_input"), x.Grad!, "grad_input");
        if (targetGrad)
            NnFixture.AssertClose(c.GetProperty("grad_target"), t.Grad!, "grad_target");
    }

    [Theory]
    [MemberData(nameof(DifferentiableCases))]
    public void Backward_MatchesFiniteDifferences(string name)
    {
        var c = NnFixture.Case(NnFixture.Losses, name);
        var loss = Create(c.GetProperty("options"), DType.Float64);
        var x = NnFixture.Double(c.GetProperty("input"));
        var t = IntegerTarget(c) ? NnFixture.Long(c.GetProperty("target")) : NnFixture.Double(c.GetProperty("target"));
        if (c.GetProperty("grad_target").ValueKind != JsonValueKind.Null)
            FiniteDifference.Check(v => loss.Call(v[0], v[1]), [x, t]);
        else
            FiniteDifference.Check(v => loss.Call(v[0], t), [x]);
    }

    [Fact]
    public void CrossEntropy_TargetOutOfRange_NamesValueAndRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new CrossEntropyLoss().Call(Torch.Zeros(3, 4), Tensor.FromArray(new long[] { 0, 4, 1 }, 3)));
        Assert.Contains("target 4", ex.Message);
        Assert.Contains("[0, 3]", ex.Message);
    }

    [Fact]
    public void CrossEntropy_ShapeMismatch_NamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new CrossEntropyLoss().Call(Torch.Zeros(3, 4), Tensor.FromArray(new long[] { 0, 1 }, 2)));
        Assert.Contains("[3, 4]", ex.Message);
        Assert.Contains("[2]", ex.Message);
    }

    [Fact]
    public void MSE_ShapeMismatch_NamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MSELoss().Call(Torch.Zeros(3, 4), Torch.Zeros(4, 3)));
        Assert.Contains("[3, 4]", ex.Message);
        Assert.Contains("[4, 3]", ex.Message);
    }

    [Fact]
    public void CrossEntropy_WeightWrongLength_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new CrossEntropyLoss(Torch.Ones(3)).Call(Torch.Zeros(2, 4), Tensor.FromArray(new long[] { 0, 1 }, 2)));
        Assert.Contains("one entry per class (4)", ex.Message);
    }

    [Fact]
    public void BCE_InputOutsideUnitInterval_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BCELoss().Call(Torch.Tensor(new float[] { 1.5f }), Torch.Ones(1)));
        Assert.Contains("between 0 and 1", ex.Message);
    }

    [Fact]
    public void CrossEntropy_AllTargetsIgnored_MeanIsNaNAsPyTorch()
    {
        var y = new CrossEntropyLoss().Call(Torch.Zeros(2, 3), Tensor.FromArray(new long[] { -100, -100 }, 2));
        Assert.True(double.IsNaN(y.Item()));
    }

    [Fact]
    public void Loss_CalledThroughModuleReference_ExplainsTargetIsNeeded()
    {
        Module loss = new MSELoss();
        var ex = Assert.Throws<InvalidOperationException>(() => loss.Call(Torch.Zeros(2)));
        Assert.Contains("Call(input, target)", ex.Message);
    }

    [Fact]
    public void Loss_ForwardHook_SeesInputAndLoss()
    {
        var loss = new L1Loss();
        Tensor? seen = null;
        loss.RegisterForwardHook((m, input, output) => seen = output);
        var y = loss.Call(Torch.Ones(2), Torch.Zeros(2));
        Assert.Same(y, seen);
    }

    [Fact]
    public void CrossEntropy_Weight_IsABufferInStateDict()
    {
        Assert.Equal(["weight"], new CrossEntropyLoss(Torch.Ones(3)).StateDict().Keys);
        Assert.Empty(new CrossEntropyLoss().StateDict());
    }
}
