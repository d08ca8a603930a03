// https://pytorch.org/docs/1.13/generated/torch.nn.Module.html
namespace Kindling.Nn;

/// <summary>
/// Base class of every layer and model, as <c>torch.nn.Module</c>: owns parameters, buffers and child
/// modules under PyTorch's names, and runs the forward pass through <see cref="Call"/> so that hooks and
/// train/eval mode always apply.
/// </summary>
/// <remarks>
/// Subclasses register what they own in their constructor, in declaration order, with
/// <see cref="RegisterParameter"/>, <see cref="RegisterBuffer"/> and <see cref="RegisterModule{T}"/>: that order
/// gives <see cref="NamedParameters"/> and <see cref="StateDict"/> PyTorch's dotted names (<c>0.weight</c>,
/// <c>block.fc.bias</c>) without reflection, so models stay NativeAOT-friendly.
/// <see cref="Forward"/> is protected: the seed's rule "call <c>model(input)</c>, never <c>forward</c>" is
/// held by the compiler.
/// </remarks>
public abstract partial class Module
{
    private readonly List<KeyValuePair<string, Module>> _children = [];
    private readonly List<KeyValuePair<string, Parameter?>> _parameters = [];
    private readonly List<KeyValuePair<string, Tensor?>> _buffers = [];
    private readonly HashSet<string> _nonPersistent = [];

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Runs the module on <paramref name="input"/>: forward pre-hooks, <see cref="Forward"/>, forward hooks.</summary>
    /// <remarks>This is PyTorch's <c>module(input)</c>, i.e. <c>Module.__call__</c>.</remarks>
    public Tensor Call(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        input = RunForwardPreHooks(input);
        var output = Forward(input);
        return RunForwardHooks(input, output);
    }

    /// <summary>The computation of this module; run it through <see cref="Call"/>.</summary>
    protected abstract Tensor Forward(Tensor input);

    /// <summary>Re-initialises parameters and buffers as PyTorch's <c>reset_parameters()</c>; no-op by default.</summary>
    public virtual void ResetParameters()
    {
    }

    /// <summary>Sets training mode on this module and all descendants, as <c>Module.train(mode)</c>.</summary>
    /// <returns>This module.</returns>
    public Module Train(bool mode = true)
    {
        Training = mode;
        foreach (var child in Children())
            child.Train(mode);
        return this;
    }

    /// <summary>Sets evaluation mode (<c>Train(false)</c>), as <c>Module.eval()</c>.</summary>
    /// <returns>This module.</returns>
    public Module Eval() => Train(false);

    /// <summary>Applies <paramref name="fn"/> to every child (recursively) and then to this module, as <c>Module.apply</c>.</summary>
    /// <remarks>Post-order, as PyTorch: <c>model.Apply(m =&gt; m.ResetParameters())</c> redraws layers in order.</remarks>
    /// <returns>This module.</returns>
    public Module Apply(Action<Module> fn)
    {
        ArgumentNullException.ThrowIfNull(fn);
        foreach (var child in Children())
            child.Apply(fn);
        fn(this);
        return this;
    }

    /// <summary>Resets the gradients of all parameters, as <c>Module.zero_grad(set_to_none=True)</c>.</summary>
    /// <param name="setToNone">True: drop the gradient tensors (PyTorch 2 default); false: fill them with zeros.</param>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var p in Parameters())
        {
            if (p.Grad is null) continue;
            if (setToNone)
            {
                p.Grad = null;
                continue;
            }
            if (p.Grad.GradFn is not null) p.Grad = p.Grad.Detach();
            p.Grad.Zero_();
        }
    }

    /// <summary>Registers (or replaces) a parameter under <paramref name="name"/>; null reserves the name (e.g. no bias).</summary>
    /// <returns><paramref name="parameter"/>, so a constructor can write <c>Weight = RegisterParameter("weight", ...)</c>.</returns>
    protected Parameter? RegisterParameter(string name, Parameter? parameter)
    {
        CheckName(name, _parameters);
        Set(_parameters, name, parameter);
        return parameter;
    }

    /// <summary>Registers (or replaces) a buffer: state that is saved but not trained, such as running statistics.</summary>
    /// <param name="name">The attribute name (e.g. <c>running_mean</c>).</param>
    /// <param name="tensor">The buffer; null reserves the name.</param>
    /// <param name="persistent">False keeps the buffer out of <see cref="StateDict"/>, as PyTorch.</param>
    /// <returns><paramref name="tensor"/>.</returns>
    protected Tensor? RegisterBuffer(string name, Tensor? tensor, bool persistent = true)
    {
        CheckName(name, _buffers);
        tensor?.DetachFromDisposeScope();   // a module's state outlives any scope it is made in
        Set(_buffers, name, tensor);
        if (persistent) _nonPersistent.Remove(name);
        else _nonPersistent.Add(name);
        return tensor;
    }

    /// <summary>Registers (or replaces) a child module under <paramref name="name"/>.</summary>
    /// <returns><paramref name="module"/>.</returns>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        ArgumentNullException.ThrowIfNull(module);
        if (ReferenceEquals(module, this))
            throw new ArgumentException($"a module cannot be its own child (name '{name}').", nameof(module));
        CheckName(name, _children);
        Set(_children, name, module);
        return module;
    }

    private void CheckName<T>(string name, List<KeyValuePair<string, T>> own)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('.'))
            throw new ArgumentException($"module, parameter and buffer names cannot contain \".\" (got \"{name}\").", nameof(name));
        bool taken = (!ReferenceEquals(own, _parameters) && IndexOf(_parameters, name) >= 0)
            || (!ReferenceEquals(own, _buffers) && IndexOf(_buffers, name) >= 0)
            || (!ReferenceEquals(own, _children) && IndexOf(_children, name) >= 0);
        if (taken)
            throw new ArgumentException($"attribute \"{name}\" is already registered on {GetType().Name} as another kind.", nameof(name));
    }

    private static void Set<T>(List<KeyValuePair<string, T>> list, string name, T value)
    {
        int i = IndexOf(list, name);
        if (i >= 0) list[i] = new(name, value);
        else list.Add(new(name, value));
    }

    private static int IndexOf<T>(List<KeyValuePair<string, T>> list, string name)
    {
        for (int i = 0; i < list.Count; i++)
            if (list[i].Key == name) return i;
        return -1;
    }
}
