namespace Kindling;

public partial class Tensor
{
    // Set by a backward on a gradient it has just allocated and returns for one input only: the first
    // AccumulateGrad that receives it may keep it as .Grad instead of copying it (PyTorch's AccumulateGrad likewise
    // steals a gradient nobody else references). Cleared when taken, so a tensor routed to two leaves (an
    // AddBackward0 returning the same g twice) is kept by the first and copied by the second.
    internal bool _exclusiveGrad;

    // Set on a gradient whose buffer came from GradBuffers.Rent: the engine may recycle it once consumed.
    internal bool _recyclableGrad;

    // The .Grad that Optimizer.ZeroGradRecycling dropped (the Trainer's loop, which holds no gradient across steps):
    // the next backward may compute this parameter's fresh gradient into it instead of allocating one.
    internal Tensor? _recycledGrad;

    /// <summary>The dropped gradient buffer of this leaf, if it has one of <paramref name="shape"/> (float32,
    /// contiguous) and no current .Grad; taken at most once. Null otherwise.</summary>
    internal Tensor? TakeRecycledGrad(ReadOnlySpan<int> shape)
    {
        var old = _recycledGrad;
        if (old is null) return null;
        _recycledGrad = null;
        if (Grad is not null || old.DType != DType.Float32 || !old.IsContiguous || !old._shape.AsSpan().SequenceEqual(shape))
            return null;
        return old;
    }

    /// <summary>Marks this fresh gradient as stealable by <c>AccumulateGrad</c>; returns it, for chaining.</summary>
    internal Tensor AsExclusiveGrad()
    {
        _exclusiveGrad = true;
        return this;
    }
}
