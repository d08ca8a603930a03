// https://pytorch.org/docs/stable/tensors.html
using System.Runtime.CompilerServices;
using Kindling.Autograd;

namespace Kindling;

/// <summary>An n-dimensional array of one <see cref="Kindling.DType"/> with autograd, as <c>torch.Tensor</c>.</summary>
/// <remarks>
/// A tensor is a strided view over typed storage (<c>float[]</c>, <c>double[]</c>, <c>long[]</c> or <c>bool[]</c>):
/// element (i0, i1, ...) lives at <c>offset + Σ ik·stride[k]</c>. Views (View, Transpose, Select, Narrow, ...)
/// share the storage as in PyTorch, so an in-place write through one is seen by the others.
/// The class is not sealed: <c>Kindling.Nn.Parameter</c> derives from it.
/// </remarks>
public partial class Tensor
{
    internal Array _storage;   // replaced by an empty array when the tensor is disposed
    internal readonly int[] _shape;
    internal readonly int[] _strides;
    internal readonly int _offset;
    internal readonly int _numel;
    private readonly DType _dtype;
    private bool _requiresGrad;
    private Node? _gradFn;
    private AccumulateGrad? _accumulator;

    internal Tensor(Array storage, int[] shape, int[] strides, int offset, DType dtype)
    {
        _storage = storage;
        _shape = shape;
        _strides = strides;
        _offset = offset;
        _dtype = dtype;
        _numel = Shapes.NumEl(shape);
        DisposeScopeFrame.Register(this);
    }

    /// <summary>A new contiguous tensor over <paramref name="storage"/> (not copied).</summary>
    internal Tensor(Array storage, int[] shape, DType dtype)
        : this(storage, shape, Shapes.ContiguousStrides(shape), 0, dtype)
    {
    }

    /// <summary>A leaf tensor sharing <paramref name="data"/>'s storage and layout, with no history.</summary>
    /// <remarks>For subclasses such as <c>Parameter</c>: <c>new Parameter(t)</c> aliases <c>t.Detach()</c>.</remarks>
    protected Tensor(Tensor data, bool requiresGrad)
        : this(data._storage, data._shape, data._strides, data._offset, data._dtype)
    {
        RequiresGrad = requiresGrad;
        DetachFromDisposeScope();   // a parameter outlives any scope it is made in
    }

    /// <summary>The element type.</summary>
    public DType DType => _dtype;

    /// <summary>The size of each dimension (a copy).</summary>
    public int[] Shape => (int[])_shape.Clone();

    /// <summary>The strides of each dimension in elements (a copy), as <c>Tensor.stride()</c>.</summary>
    public int[] Strides => (int[])_strides.Clone();

    /// <summary>Number of dimensions, as <c>Tensor.dim()</c>.</summary>
    public int Dim => _shape.Length;

    /// <summary>Number of elements, as <c>Tensor.numel()</c>.</summary>
    public int NumEl => _numel;

    /// <summary>The size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public int Size(int dim) => _shape[Shapes.WrapDim(dim, _shape.Length)];

    /// <summary>Whether elements are laid out row-major without gaps, as <c>Tensor.is_contiguous()</c>.</summary>
    public bool IsContiguous => Shapes.IsContiguous(_shape, _strides);

    /// <summary>Whether gradients are recorded for this tensor.</summary>
    /// <exception cref="InvalidOperationException">Set on a non-leaf, or on a non-floating tensor.</exception>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (_gradFn is not null)
                throw new InvalidOperationException(
                    "you can only change requires_grad flags of leaf variables. If you want to use a computed variable " +
                    "in a subgraph that doesn't require differentiation use varNoGrad = var.Detach().");
            if (value && !_dtype.IsFloatingPoint())
                throw new InvalidOperationException(
                    $"only Tensors of floating point dtype can require gradients (this tensor is {_dtype.TorchName()}).");
            _requiresGrad = value;
        }
    }

    /// <summary>Sets <see cref="RequiresGrad"/> in place and returns this tensor, as <c>requires_grad_()</c>.</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>The gradient accumulated by <see cref="Backward"/> (null until then).</summary>
    /// <remarks>A tensor stored here leaves its <see cref="DisposeScope"/>: gradients outlive the step that made them.</remarks>
    public Tensor? Grad
    {
        get => _grad;
        set => _grad = value?.DetachFromDisposeScope();
    }

    private Tensor? _grad;

    /// <summary>The autograd node that created this tensor; null for leaves.</summary>
    public Node? GradFn => _gradFn;

    /// <summary>True for tensors not created by a recorded op (user-created, or results that need no grad).</summary>
    public bool IsLeaf => _gradFn is null;

    /// <summary>Records <paramref name="node"/> as this (fresh) tensor's history.</summary>
    internal void SetGradFn(Node node)
    {
        _gradFn = node;
        _requiresGrad = true;
    }

    /// <summary>The node a consumer's gradient flows into: the grad_fn, or the leaf's AccumulateGrad.</summary>
    internal Node? GradEdge()
    {
        if (_gradFn is not null) return _gradFn;
        if (!_requiresGrad) return null;
        return _accumulator ??= new AccumulateGrad(this);
    }

    /// <summary>Typed storage array (elements at <see cref="_offset"/> + strides).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal T[] Data<T>() where T : unmanaged
    {
        if (DTypes.Of<T>() != _dtype)
            throw new InvalidOperationException($"expected element type {typeof(T).Name} but the tensor is {_dtype.TorchName()}.");
        if (_disposed) throw Disposed();
        return (T[])_storage;
    }

    private static ObjectDisposedException Disposed() => new(nameof(Tensor),
        "this tensor was disposed (its DisposeScope ended); call MoveToOuterDisposeScope() or DetachFromDisposeScope() " +
        "inside the scope to keep it, or read its values before the scope ends.");

    /// <summary>The contiguous storage of this tensor as a span; <typeparamref name="T"/> must match the dtype.</summary>
    /// <exception cref="InvalidOperationException">The tensor is not contiguous or the type does not match.</exception>
    internal Span<T> Span<T>() where T : unmanaged
    {
        var data = Data<T>();
        if (!IsContiguous)
            throw new InvalidOperationException("Span<T>() needs a contiguous tensor; call Contiguous() first.");
        return new Span<T>(data, _offset, _numel);
    }

    /// <summary>The contiguous float32 storage of this tensor (throws otherwise).</summary>
    internal Span<float> AsSpan() => Span<float>();

    /// <summary>Wraps <paramref name="data"/> as a contiguous tensor of <paramref name="shape"/> without copying.</summary>
    internal static Tensor FromArray<T>(T[] data, params int[] shape) where T : unmanaged
    {
        int n = Shapes.NumEl(shape);
        if (n != data.Length)
            throw new ArgumentException($"shape [{string.Join(", ", shape)}] holds {n} elements but the array has {data.Length}.", nameof(shape));
        return new Tensor(data, (int[])shape.Clone(), DTypes.Of<T>());
    }
}
