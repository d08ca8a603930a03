// https://pytorch.org/docs/stable/autograd.html#autograd-graph
namespace Kindling.Autograd;

/// <summary>A step of the recorded graph (a tensor's <c>grad_fn</c>): turns dL/dOutput into dL/dInput per input.</summary>
public abstract class Node
{
    private static long s_sequence;
    internal readonly Node?[] _next;

    // Scratch state used by Engine during one backward pass; not thread-safe, like a single graph in PyTorch.
    internal Tensor? _pendingGrad;
    internal int _dependencies;
    internal long _visitMark;

    private protected Node(string name, Node?[] next)
    {
        Name = name;
        _next = next;
        Sequence = Interlocked.Increment(ref s_sequence);
    }

    /// <summary>PyTorch's name for this backward step, e.g. <c>"MmBackward0"</c> or <c>"AccumulateGrad"</c>.</summary>
    public string Name { get; }

    /// <summary>The nodes each input's gradient flows into (null where an input needs no gradient).</summary>
    public IReadOnlyList<Node?> NextFunctions => _next;

    /// <summary>Creation order; the engine runs later nodes first among those ready, as PyTorch does.</summary>
    internal long Sequence { get; }

    /// <summary>Computes the gradient of each input from the gradient of the output.</summary>
    internal abstract Tensor?[] Apply(Tensor gradOutput);

    /// <summary>Frees saved tensors once a backward pass without retainGraph has used them.</summary>
    internal virtual void Release()
    {
    }

    /// <inheritdoc/>
    public override string ToString() => $"<{Name}>";
}
