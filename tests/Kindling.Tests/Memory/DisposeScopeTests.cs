using Kindling.Nn;
using Kindling.Optim;

namespace Kindling.Tests.Memory;

/// <summary>Dispose scopes and the caching allocator: storage is reused across scopes, and nothing that outlives a
/// scope (a moved-out tensor or a view of one, gradients, optimizer state, parameters) ever sees recycled storage.</summary>
public sealed class DisposeScopeTests
{
    private static Tensor Input(int n) => Torch.Arange(n).To(DType.Float32) - (n / 2f);

    [Fact]
    public void Scope_EndedScopesStorage_ReusedByTheNextTensorOfThatSize()
    {
        var x = Input(1237);
        Array first;
        using (Torch.NewDisposeScope()) first = x.Relu()._storage;
        using (Torch.NewDisposeScope())
        {
            var again = x.Relu();
            Assert.Same(first, again._storage);
            Assert.Equal(x.ToArray<float>().Select(v => Math.Max(v, 0f)), again.ToArray<float>());
        }
    }

    [Fact]
    public void Scope_TensorMovedOut_SurvivesAndIsNeverRecycled()
    {
        var x = Input(1301);
        Tensor kept;
        using (Torch.NewDisposeScope())
        {
            kept = x.Relu().MoveToOuterDisposeScope();
            _ = x.Neg();
        }
        var expected = x.ToArray<float>().Select(v => Math.Max(v, 0f)).ToArray();
        using (Torch.NewDisposeScope())
        {
            for (int i = 0; i < 4; i++) _ = (x * 7f).Relu();   // tensors of the same size, written with other values
            Assert.False(kept.IsDisposed);
            Assert.Equal(expected, kept.ToArray<float>());
        }
        Assert.Equal(expected, kept.ToArray<float>());
    }

    [Fact]
    public void Scope_ViewMovedOut_KeepsItsBaseStorageOutOfTheCache()
    {
        var x = Input(1400);
        Tensor view;
        using (Torch.NewDisposeScope())
        {
            var full = x.Relu();
            view = full.View(35, 40).Narrow(0, 1, 2).MoveToOuterDisposeScope();
        }
        var expected = view.ToArray<float>();
        using (Torch.NewDisposeScope())
        {
            for (int i = 0; i < 4; i++) _ = (x * -3f).Relu();
            Assert.Equal(expected, view.ToArray<float>());
        }
    }

    [Fact]
    public void Scope_TensorReadAfterItsScope_ThrowsObjectDisposed()
    {
        Tensor stale;
        using (Torch.NewDisposeScope()) stale = Input(64).Relu();
        Assert.True(stale.IsDisposed);
        var e = Assert.Throws<ObjectDisposedException>(() => stale.ToArray<float>());
        Assert.Contains("MoveToOuterDisposeScope", e.Message);
        Assert.ThrowsAny<Exception>(() => stale.Item());
    }

    [Fact]
    public void Scope_Nested_InnerEndsFirstAndOuterTensorsLiveOn()
    {
        using var outer = Torch.NewDisposeScope();
        var a = Input(100).Relu();
        Tensor b, moved;
        using (Torch.NewDisposeScope())
        {
            b = a * 2f;
            moved = (a + 1f).MoveToOuterDisposeScope();
        }
        Assert.True(b.IsDisposed);
        Assert.False(a.IsDisposed);
        Assert.False(moved.IsDisposed);
        outer.Dispose();
        Assert.True(a.IsDisposed);
        Assert.True(moved.IsDisposed);   // it belonged to the outer scope
    }

    [Fact]
    public void Scope_HandleDisposedTwice_DoesNotEndALaterScope()
    {
        var first = Torch.NewDisposeScope();
        first.Dispose();
        using var second = Torch.NewDisposeScope();   // reuses the same frame
        var t = Input(10).Relu();
        first.Dispose();
        Assert.True(second.IsActive);
        Assert.False(t.IsDisposed);
    }

    [Fact]
    public void Scope_AroundEachTrainingStep_SameWeightsAsWithoutAndGradStateSurvive()
    {
        var (plain, plainGrad) = Train(scoped: false);
        var (scoped, scopedGrad) = Train(scoped: true);
        Assert.Equal(plain, scoped);
        Assert.Equal(plainGrad, scopedGrad);
    }

    [Fact]
    public void Scope_SteadyStateStep_AllocatesNoTensorStorage()
    {
        Torch.ManualSeed(0);
        var model = new Sequential(new Linear(11, 16), new ReLU(), new Linear(16, 6));
        var optimizer = new Adam(model.Parameters(), lr: 0.01);
        var x = Torch.Randn(500, 11);
        var y = Torch.RandInt(0, 6, [500]);
        var criterion = new CrossEntropyLoss();
        void Step()
        {
            using var scope = Torch.NewDisposeScope();
            optimizer.ZeroGrad();
            criterion.Call(model.Call(x), y).Backward();
            optimizer.Step();
        }
        for (int i = 0; i < 3; i++) Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) Step();
        long perStep = (GC.GetAllocatedBytesForCurrentThread() - before) / 10;
        // One activation of this step is 500 × 16 floats = 32,000 bytes: any storage allocated per step exceeds it.
        Assert.True(perStep < 500 * 16 * sizeof(float), $"{perStep} bytes allocated per step");
    }

    [Fact]
    public void CachingAllocator_ManyThreadsEachInScopes_ValuesNeverMixed()
    {
        var errors = 0;
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 4 }, worker =>
        {
            var x = Torch.Full([777], worker + 1f);
            for (int i = 0; i < 200; i++)
            {
                using var scope = Torch.NewDisposeScope();
                var y = (x * 2f).Relu();
                if (y.ToArray<float>().Any(v => v != 2f * (worker + 1))) Interlocked.Increment(ref errors);
            }
        });
        Assert.Equal(0, errors);
    }

    private static (float[] Weights, float[] Grad) Train(bool scoped)
    {
        Torch.ManualSeed(42);
        var model = new Sequential(new Linear(5, 8), new ReLU(), new Dropout(0.2), new Linear(8, 3));
        var optimizer = new Adam(model.Parameters(), lr: 0.05);
        var x = Torch.Randn(40, 5);
        var y = Torch.RandInt(0, 3, [40]);
        var criterion = new CrossEntropyLoss();
        for (int step = 0; step < 5; step++)
        {
            var scope = scoped ? Torch.NewDisposeScope() : default;
            optimizer.ZeroGrad();
            criterion.Call(model.Call(x), y).Backward();
            optimizer.Step();
            scope.Dispose();
        }
        var weights = model.Parameters().SelectMany(p => p.ToArray<float>()).ToArray();
        var grad = model.Parameters().SelectMany(p => p.Grad!.ToArray<float>()).ToArray();
        return (weights, grad);
    }
}
