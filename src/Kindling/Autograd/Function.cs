namespace Kindling.Autograd;

/// <summary>
/// The extension point for differentiable ops written outside the core (fused Linear, losses, ...):
/// compute the output with any kernel, then call <see cref="Apply"/> to record how to differentiate it.
/// </summary>
/// <example>
/// A fused op y = x·Wᵀ + b (shapes: x (N, in), W (out, in), b (out)):
/// <code>
/// var y = Tensor.FromArray(buffer, n, outFeatures);          // computed by a kernel, no autograd
/// return Function.Apply("AddmmBackward0", y, [x, w, b], g =>  // g = dL/dy, (N, out)
/// [
///     x.RequiresGrad ? g.MatMul(w) : null,                  // dL/dx (N, in)
///     w.RequiresGrad ? g.T.MatMul(x) : null,                // dL/dW (out, in)
///     b is { RequiresGrad: true } ? g.Sum(0) : null,        // dL/db (out)
/// ]);
/// </code>
/// </example>
/// <remarks>
/// Rules: <list type="bullet">
/// <item>The output must be a fresh tensor nobody else holds a history for; it becomes a non-leaf with
/// <c>GradFn.Name == name</c> when grad mode is on and some input requires grad; otherwise it is returned untouched
/// and <c>backward</c> is never kept.</item>
/// <item><c>backward</c> receives dL/dOutput (same shape as the output) and returns one entry per input,
/// in order: dL/dInput with the input's shape (or a shape that broadcasts to it: it is summed back), or null.
/// It runs with grad mode off, so any Tensor op may be used in it.</item>
/// <item>The closure keeps what it captures alive until the graph is freed (after a Backward without retainGraph),
/// after which a second backward through this node throws, as PyTorch does with freed saved tensors. Pass
/// <c>savesTensors</c> = false when it captures no tensor values (only shapes), so that it may run again.</item>
/// </list>
/// </remarks>
internal static class Function
{
    /// <summary>Records <paramref name="output"/> as the result of a differentiable op over <paramref name="inputs"/>.</summary>
    /// <returns><paramref name="output"/>, for chaining.</returns>
    public static Tensor Apply(string name, Tensor output, Tensor?[] inputs, Func<Tensor, Tensor?[]> backward,
        bool savesTensors = true)
    {
        if (!NeedsGrad(inputs)) return output;
        var next = new Node?[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
            next[i] = inputs[i]?.GradEdge();
        output.SetGradFn(new FunctionNode(name, next, backward, savesTensors));
        return output;
    }

    /// <summary>True when grad mode is on and some input requires grad: only then is recording worth anything.</summary>
    public static bool NeedsGrad(Tensor?[] inputs)
    {
        if (!GradMode.IsEnabled) return false;
        foreach (var t in inputs)
            if (t is not null && t.RequiresGrad) return true;
        return false;
    }

    /// <summary>One-input form of <see cref="NeedsGrad(Tensor?[])"/>, which avoids allocating the array.</summary>
    public static bool NeedsGrad(Tensor input) => GradMode.IsEnabled && input.RequiresGrad;

    /// <summary>Two-input form of <see cref="NeedsGrad(Tensor?[])"/>.</summary>
    public static bool NeedsGrad(Tensor a, Tensor b) => GradMode.IsEnabled && (a.RequiresGrad || b.RequiresGrad);
}
