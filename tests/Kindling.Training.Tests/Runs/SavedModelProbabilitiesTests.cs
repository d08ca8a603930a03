using Kindling.Nn;
using Kindling.Training.Runs;

namespace Kindling.Training.Tests.Runs;

public sealed class SavedModelProbabilitiesTests
{
    [Fact]
    public void Probabilities_MoreRowsThanOneChunk_EqualOneFullBatchForwardExactly()
    {
        // The oracle is the unchunked forward pass (what Probabilities computed before it went chunk by chunk):
        // chunks must change memory only, not one bit of the result, including a short last chunk.
        Torch.ManualSeed(7);
        var model = new Sequential(new Linear(50, 256), new ReLU(), new Linear(256, 256), new ReLU(), new Linear(256, 10));
        int n = 2 * SavedModel.ChunkRows + 37;
        var x = Torch.Randn(n, 50);
        var chunked = SavedModel.Probabilities(model, x);
        float[] full;
        using (Torch.NoGrad()) full = model.Call(x).Softmax(1).ToArray<float>();
        Assert.Equal((n, 10), (chunked.GetLength(0), chunked.GetLength(1)));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < 10; j++)
                Assert.True(BitConverter.SingleToInt32Bits(full[i * 10 + j]) == BitConverter.SingleToInt32Bits(chunked[i, j]), $"({i}, {j})");
    }
}
