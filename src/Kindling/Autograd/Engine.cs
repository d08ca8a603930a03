// https://pytorch.org/docs/stable/generated/torch.Tensor.backward.html
namespace Kindling.Autograd;

/// <summary>Runs a backward pass: topological order over the recorded graph, gradients summed per node.</summary>
internal static class Engine
{
    private static long s_pass;

    // The traversal's lists, reused by every backward on this thread (a training step allocates none of them).
    [ThreadStatic]
    private static Scratch? t_scratch;

    private sealed class Scratch
    {
        public readonly List<Node> Seen = [];
        public readonly Stack<Node> Stack = new();
        public readonly List<Node> Ready = [];
        public bool InUse;
    }

    public static void Backward(Tensor root, Tensor? gradient, bool retainGraph)
    {
        if (!root.RequiresGrad)
            throw new InvalidOperationException("element 0 of tensors does not require grad and does not have a grad_fn");
        if (gradient is null)
        {
            if (root.NumEl != 1)
                throw new InvalidOperationException(
                    $"grad can be implicitly created only for scalar outputs (the output has shape {Shapes.Format(root._shape)}; " +
                    "pass a gradient of that shape to Backward).");
            gradient = Torch.OnesLike(root);
        }
        else if (!gradient._shape.AsSpan().SequenceEqual(root._shape))
        {
            throw new ArgumentException(
                $"Mismatch in shape: grad_output[0] has a shape of {Shapes.Format(gradient._shape)} and output[0] has a shape of " +
                $"{Shapes.Format(root._shape)}.", nameof(gradient));
        }

        var rootNode = root.GradEdge()!;
        using var noGrad = new GradModeScope(false);
        // A backward started from inside a node's backward (a hook) gets lists of its own.
        var scratch = t_scratch is { InUse: false } free ? free : new Scratch();
        t_scratch = scratch;
        scratch.InUse = true;
        var order = CountDependencies(rootNode, scratch.Seen, scratch.Stack);
        rootNode._pendingGrad = gradient;
        var ready = scratch.Ready;
        ready.Add(rootNode);
        try
        {
            while (ready.Count > 0)
            {
                var node = PopLatest(ready);
                var grad = node._pendingGrad!;
                node._pendingGrad = null;
                var inputGrads = node.Apply(grad);
                GradBuffers.AfterApply(node, grad, inputGrads);
                if (!retainGraph) node.Release();
                for (int i = 0; i < node._next.Length; i++)
                {
                    var next = node._next[i];
                    if (next is null) continue;
                    var g = i < inputGrads.Length ? inputGrads[i] : null;
                    if (g is not null)
                        next._pendingGrad = next._pendingGrad is null ? g : next._pendingGrad.Add(g);
                    Arrive(next, ready);
                }
            }
        }
        finally
        {
            foreach (var node in order) node._pendingGrad = null;
            order.Clear();
            ready.Clear();
            scratch.InUse = false;
        }
    }

    // Counts, for every node reachable from the root, how many edges point at it.
    private static List<Node> CountDependencies(Node root, List<Node> seen, Stack<Node> stack)
    {
        long mark = Interlocked.Increment(ref s_pass);
        root._visitMark = mark;
        root._dependencies = 0;
        stack.Push(root);
        seen.Add(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var next in node._next)
            {
                if (next is null) continue;
                if (next._visitMark != mark)
                {
                    next._visitMark = mark;
                    next._dependencies = 0;
                    seen.Add(next);
                    stack.Push(next);
                }
                next._dependencies++;
            }
        }
        return seen;
    }

    // One more input of `node` is done; once all are, it is ready (or, with no gradient at all, skipped).
    private static void Arrive(Node node, List<Node> ready)
    {
        if (--node._dependencies != 0) return;
        if (node._pendingGrad is not null)
        {
            ready.Add(node);
            return;
        }
        foreach (var next in node._next)
            if (next is not null) Arrive(next, ready);
    }

    // PyTorch's ready queue runs the most recently created node first.
    private static Node PopLatest(List<Node> ready)
    {
        int best = 0;
        for (int i = 1; i < ready.Count; i++)
            if (ready[i].Sequence > ready[best].Sequence) best = i;
        var node = ready[best];
        ready[best] = ready[^1];
        ready.RemoveAt(ready.Count - 1);
        return node;
    }
}
