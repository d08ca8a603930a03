using Kindling.Nn;

namespace Kindling.Tests.Nn;

/// <summary>Unweighted, unsmoothed float32 cross-entropy takes a folded fast path; its oracle is the general path
/// (reached with an explicit all-ones weight), which the PyTorch fixtures in LossTests check.</summary>
public sealed class CrossEntropyFastPathTests
{
    [Theory]
    [InlineData(Reduction.Mean)]
    [InlineData(Reduction.Sum)]
    [InlineData(Reduction.None)]
    public void CrossEntropy_NoWeight_EqualsGeneralPathBitForBit(Reduction reduction)
    {
        const int n = 97, c = 6;
        var random = new System.Random(7);
        var logits = new float[n * c];
        for (int i = 0; i < logits.Length; i++) logits[i] = (float)((random.NextDouble() * 20) - 10);
        var labels = new long[n];
        for (int i = 0; i < n; i++) labels[i] = i % 11 == 0 ? -100 : random.Next(c);
        var target = Tensor.FromArray(labels, n);

        var (fastLoss, fastGrad) = Run(logits, n, c, target, null, reduction);
        var (generalLoss, generalGrad) = Run(logits, n, c, target, Torch.Ones(c), reduction);

        Assert.Equal(generalLoss, fastLoss);
        Assert.Equal(generalGrad, fastGrad);
    }

    [Fact]
    public void CrossEntropy_NoWeightNaNLogit_NaNRowAsGeneralPath()
    {
        var logits = new float[] { 1, float.NaN, 2, 0.5f, -1, 3 };
        var target = Tensor.FromArray(new long[] { 0, 2 }, 2);
        var (fastLoss, fastGrad) = Run(logits, 2, 3, target, null, Reduction.None);
        var (generalLoss, generalGrad) = Run(logits, 2, 3, target, Torch.Ones(3), Reduction.None);
        Assert.True(float.IsNaN(fastLoss[0]) && fastGrad.Take(3).All(float.IsNaN));
        Assert.Equal(generalLoss, fastLoss);
        Assert.Equal(generalGrad, fastGrad);
    }

    [Fact]
    public void CrossEntropy_NoWeightLabelOutOfRange_ThrowsNamingPosition()
    {
        var input = Torch.Zeros(3, 4);
        var target = Tensor.FromArray(new long[] { 0, 4, 1 }, 3);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Functional.CrossEntropy(input, target));
        Assert.Contains("target 4 (at position 1)", e.Message);
    }

    private static (float[] Loss, float[] Grad) Run(float[] logits, int n, int c, Tensor target, Tensor? weight, Reduction reduction)
    {
        var x = Tensor.FromArray((float[])logits.Clone(), n, c).RequiresGrad_();
        var loss = Functional.CrossEntropy(x, target, weight, reduction: reduction);
        (reduction == Reduction.None ? loss.Sum() : loss).Backward();
        return (loss.ToArray<float>(), x.Grad!.ToArray<float>());
    }
}
