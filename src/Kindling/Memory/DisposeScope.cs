// The idea of TorchSharp's dispose scopes (https://github.com/dotnet/TorchSharp/wiki/Memory-Management):
// a region whose tensors are freed together when it ends.
namespace Kindling;

/// <summary>A region of code whose tensors are disposed together when it ends: every tensor made on this thread
/// while the scope is the innermost one belongs to it, and at <see cref="Dispose"/> their storage goes back to
/// Kindling's caching allocator for the next tensors of the same size. A loop that runs its step in a scope
/// allocates no tensor storage once its shapes have been seen.</summary>
/// <example>
/// <code>
/// for (int epoch = 0; epoch &lt; 100; epoch++)
/// {
///     using var scope = Torch.NewDisposeScope();
///     optimizer.ZeroGrad();
///     var loss = criterion.Call(model.Call(x), y);
///     loss.Backward();
///     optimizer.Step();
///     losses.Add(loss.Item());          // read values before the scope ends
/// }
/// </code>
/// </example>
/// <remarks>
/// A tensor of an ended scope is disposed: reading it throws <see cref="ObjectDisposedException"/>, never another
/// tensor's values. To keep one, call <see cref="Tensor.MoveToOuterDisposeScope"/> (it then belongs to the enclosing
/// scope, or to none) or <see cref="Tensor.DetachFromDisposeScope"/> before the scope ends. Parameters, gradients
/// stored in <see cref="Tensor.Grad"/>, module buffers and optimizer state are never owned by a scope.
/// Scopes nest, belong to the thread that opened them, and end innermost first (ending an outer scope ends the ones
/// inside it). Disposing the same handle twice does nothing.
/// </remarks>
public readonly struct DisposeScope : IDisposable
{
    private readonly DisposeScopeFrame? _frame;
    private readonly int _generation;

    internal DisposeScope(DisposeScopeFrame frame)
    {
        _frame = frame;
        _generation = frame.Generation;
    }

    /// <summary>Whether this scope is still open.</summary>
    public bool IsActive => _frame is not null && _frame.Generation == _generation && _frame.Open;

    /// <summary>Ends the scope: disposes every tensor it still owns.</summary>
    public void Dispose()
    {
        if (IsActive) DisposeScopeFrame.Close(_frame!);
    }
}
