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

    /// <summary>Marks this fresh gradient as stealable by <c>AccumulateGrad</c>; returns it, for chaining.</summary>
    internal Tensor AsExclusiveGrad()
    {
        _exclusiveGrad = true;
        return this;
    }
}
