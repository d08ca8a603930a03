// https://pytorch.org/docs/1.13/nn.html#loss-functions
namespace Kindling.Nn;

/// <summary>Base of the loss modules: a module called with an input and a target, <c>criterion.Call(input, target)</c>.</summary>
/// <remarks>Forward pre-hooks see (and may replace) the input; forward hooks see the input and the loss.</remarks>
public abstract class Loss : Module
{
    /// <summary>Creates a loss reducing its per-element values by <paramref name="reduction"/>.</summary>
    protected Loss(Reduction reduction)
    {
        if (!Enum.IsDefined(reduction))
            throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction must be None, Mean or Sum.");
        Reduction = reduction;
    }

    /// <summary>How per-element losses are combined (PyTorch's <c>reduction</c>).</summary>
    public Reduction Reduction { get; }

    /// <summary>Computes the loss of <paramref name="input"/> against <paramref name="target"/>, running hooks as
    /// <see cref="Module.Call(Tensor)"/> does.</summary>
    public Tensor Call(Tensor input, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        input = RunForwardPreHooks(input);
        var output = Forward(input, target);
        return RunForwardHooks(input, output);
    }

    /// <summary>A loss needs a target: this overload exists only to stop <c>loss.Call(x)</c> at compile time.</summary>
    [Obsolete("A loss takes an input and a target: call Call(input, target).", error: true)]
    public new Tensor Call(Tensor input) => base.Call(input);

    /// <summary>The loss computation; run it through <see cref="Call(Tensor, Tensor)"/>.</summary>
    protected abstract Tensor Forward(Tensor input, Tensor target);

    /// <summary>Reached only through a <see cref="Module"/>-typed reference: a loss cannot run on an input alone.</summary>
    protected sealed override Tensor Forward(Tensor input) =>
        throw new InvalidOperationException($"{GetType().Name} takes an input and a target: call Call(input, target).");
}
