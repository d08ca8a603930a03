namespace Kindling;

public partial class Tensor : IDisposable
{
    // The dispose scope that owns this tensor (null: none, the garbage collector's).
    internal DisposeScopeFrame? _scope;

    // Set on the tensor whose storage came from the caching allocator: its scope gives the array back at the end.
    internal bool _ownsPooledStorage;

    private bool _disposed;

    /// <summary>Whether this tensor was disposed (explicitly or by the end of its <see cref="DisposeScope"/>).</summary>
    public bool IsDisposed => _disposed;

    /// <summary>Disposes this tensor now: its values can no longer be read. Its storage is left to the garbage
    /// collector (other views may share it); a <see cref="DisposeScope"/>'s end is what recycles storage.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        DisposeScopeFrame.Detach(this);
        MarkDisposed();
    }

    /// <summary>Hands this tensor to the enclosing <see cref="DisposeScope"/> (or to none) so that it outlives the
    /// current one, as TorchSharp's <c>MoveToOuterDisposeScope</c>; returns it, for chaining.</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        DisposeScopeFrame.MoveOut(this);
        return this;
    }

    /// <summary>Takes this tensor out of every <see cref="DisposeScope"/>: it lives as long as it is referenced.</summary>
    public Tensor DetachFromDisposeScope()
    {
        DisposeScopeFrame.Detach(this);
        return this;
    }

    internal void MarkDisposed()
    {
        _disposed = true;
        _ownsPooledStorage = false;
        // A stale read fails instead of seeing another tensor's values.
        _storage = _dtype switch
        {
            DType.Float32 => Array.Empty<float>(),
            DType.Float64 => Array.Empty<double>(),
            DType.Int64 => Array.Empty<long>(),
            _ => Array.Empty<bool>(),
        };
        Grad = null;
    }

    /// <summary>A new contiguous tensor whose elements the caller overwrites entirely: inside a dispose scope its
    /// storage comes from the caching allocator and holds stale values.</summary>
    internal static Tensor Uninitialized(int[] shape, DType dtype) => Allocate(shape, dtype, zero: false);

    private static Tensor Allocate(int[] shape, DType dtype, bool zero)
    {
        int count = Shapes.NumEl(shape);
        if (DisposeScopeFrame.Current is not null && CachingAllocator.TryTake(dtype, count) is { } cached)
        {
            if (zero) Array.Clear(cached);
            return new Tensor(cached, (int[])shape.Clone(), dtype) { _ownsPooledStorage = true };
        }
        // Outside a scope nothing gives storage back; inside one, a fresh array joins the cache at the scope's end.
        return new Tensor(DTypes.Allocate(dtype, count), (int[])shape.Clone(), dtype)
        {
            _ownsPooledStorage = DisposeScopeFrame.Current is not null,
        };
    }
}
