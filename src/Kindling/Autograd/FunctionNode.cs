namespace Kindling.Autograd;

/// <summary>A graph node whose backward is a delegate (the closure holds what the forward saved).</summary>
internal sealed class FunctionNode : Node
{
    private Func<Tensor, Tensor?[]>? _backward;
    private readonly bool _savesTensors;

    public FunctionNode(string name, Node?[] next, Func<Tensor, Tensor?[]> backward, bool savesTensors)
        : base(name, next)
    {
        _backward = backward;
        _savesTensors = savesTensors;
    }

    internal override Tensor?[] Apply(Tensor gradOutput)
    {
        var backward = _backward ?? throw new InvalidOperationException(
            "Trying to backward through the graph a second time (or directly access saved tensors after they have " +
            "already been freed). Saved intermediate values of the graph are freed when you call Backward(). " +
            "Specify retainGraph: true if you need to backward through the graph a second time " +
            $"(while running {Name}).");
        return backward(gradOutput);
    }

    // PyTorch frees saved tensors only; a node that saved none (AddBackward0, SumBackward0) can run again.
    internal override void Release()
    {
        if (_savesTensors) _backward = null;
    }
}
