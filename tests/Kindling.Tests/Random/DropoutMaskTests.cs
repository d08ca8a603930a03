using Kindling.Nn;
using static Kindling.Tests.Random.RandomFixtures;

namespace Kindling.Tests.Random;

/// <summary>Oracle: PyTorch 1.13 F.dropout(ones(64, 64), 0.5, training=True) masks after manual_seed(s) (random_torch.json).</summary>
[Collection(DefaultGeneratorCollection.Name)]
public sealed class DropoutMaskTests
{
    public static TheoryData<long> Seeds => new() { 0, 42, 12345, -1 };

    [Theory, MemberData(nameof(Seeds))]
    public void DropoutModule_OnesInTraining_MaskMatchesPyTorch(long seed)
    {
        var c = TorchSeed(seed);
        Torch.ManualSeed(seed);
        var dropout = new Dropout(0.5);
        var output = dropout.Call(Torch.Ones(64, 64)).ToArray<float>();
        Assert.Equal(c.GetProperty("dropout_64x64_p05").GetString(), string.Concat(output.Select(v => v == 0 ? '0' : '1')));
        Assert.All(output, v => Assert.True(v is 0f or 2f, $"kept elements scale by 1/(1-p) = 2, got {v}"));
        Assert.Equal(c.GetProperty("dropout_64x64_p05_next").GetInt64(), (long)(Torch.DefaultGenerator.Random() % 0xFFFFFFFFu));
    }
}
