using Kindling.Nn;
using Kindling.Tests.TestSupport;

namespace Kindling.Tests.Nn;

/// <summary>The parameter-free layers: activations, Identity, Flatten, Dropout in eval mode.</summary>
public sealed class ActivationTests
{
    private static Module Create(string name) => name switch
    {
        "ReLU" => new ReLU(),
        "LeakyReLU" => new LeakyReLU(),
        "LeakyReLU_0.2" => new LeakyReLU(0.2),
        "Sigmoid" => new Sigmoid(),
        "Tanh" => new Tanh(),
        "GELU" => new GELU(),
        "GELU_tanh" => new GELU("tanh"),
        "Identity" => new Identity(),
        "Flatten" => new Flatten(),
        "Flatten_0_1" => new Flatten(0, 1),
        "DropoutEval" => new Dropout(0.4).Eval(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [InlineData("ReLU")]
    [InlineData("LeakyReLU")]
    [InlineData("LeakyReLU_0.2")]
    [InlineData("Sigmoid")]
    [InlineData("Tanh")]
    [InlineData("GELU")]
    [InlineData("GELU_tanh")]
    [InlineData("Identity")]
    [InlineData("Flatten")]
    [InlineData("Flatten_0_1")]
    [InlineData("DropoutEval")]
    public void ForwardAndBackward_MatchesPyTorch(string name)
    {
        NnFixture.CheckLayerCase(Create(name), NnFixture.Case(NnFixture.Layers, name));
    }

    [Theory]
    [InlineData("ReLU")]
    [InlineData("LeakyReLU_0.2")]
    [InlineData("Sigmoid")]
    [InlineData("Tanh")]
    [InlineData("GELU")]
    [InlineData("GELU_tanh")]
    [InlineData("Flatten")]
    public void Backward_MatchesFiniteDifferences(string name)
    {
        var module = Create(name);
        // Values in [−2, 2) drawn away from ReLU's kink at 0 by the fixed seed.
        var x = NnFixture.Random(5, DType.Float64, 2, 3, 4);
        FiniteDifference.Check(t => module.Call(t[0]), [x]);
    }

    [Fact]
    public void GELU_UnknownApproximation_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new GELU("erf"));
        Assert.Contains("erf", ex.Message);
    }
}
