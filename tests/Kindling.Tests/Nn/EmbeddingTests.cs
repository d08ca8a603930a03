using Kindling.Nn;
using Kindling.Tests.TestSupport;

namespace Kindling.Tests.Nn;

[Collection("Torch.DefaultGenerator")]
public sealed class EmbeddingTests
{
    [Theory]
    [InlineData("Embedding", null)]
    [InlineData("EmbeddingPadding2", 2)]
    public void ForwardAndBackward_MatchesPyTorch(string name, int? paddingIdx)
    {
        NnFixture.CheckLayerCase(new Embedding(6, 3, paddingIdx), NnFixture.Case(NnFixture.Layers, name), intInput: true);
    }

    [Fact]
    public void Backward_MatchesFiniteDifferences()
    {
        var indices = Tensor.FromArray(new long[] { 0, 2, 2, 4, 1, 0 }, 2, 3);
        var weight = NnFixture.Random(1, DType.Float64, 5, 4);
        FiniteDifference.Check(t => Functional.Embedding(indices, t[0]), [weight]);
    }

    [Fact]
    public void Forward_IndexOutOfRange_NamesIndexAndRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(6, 3).Call(Tensor.FromArray(new long[] { 1, 6 }, 2)));
        Assert.Contains("index 6", ex.Message);
        Assert.Contains("[0, 5]", ex.Message);
    }

    [Fact]
    public void NegativePaddingIdx_WrapsAndZeroesRow()
    {
        var emb = new Embedding(4, 2, paddingIdx: -1);
        Assert.Equal(3, emb.PaddingIdx);
        Assert.Equal([0f, 0f], emb.Weight.ToArray<float>()[6..]);
    }
}
