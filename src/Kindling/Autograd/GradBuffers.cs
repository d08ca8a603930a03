using System.Numerics;
using System.Runtime.CompilerServices;

namespace Kindling.Autograd;

/// <summary>Reuses the float32 buffers of gradients that live only inside one backward pass (the loss gradient,
/// dL/dX of a Linear, the ReLU-masked gradient): they are made here, and <see cref="Engine"/> hands each back once the
/// node it was meant for has run, so a training step's backward stops allocating after its first pass.</summary>
/// <remarks>
/// Safety rests on three rules. Only backward code calls <see cref="Rent"/>, and a rented tensor goes to one input
/// slot, so nobody but the engine ever references it. The engine returns a consumed gradient only when no gradient
/// that node produced shares its storage (a pass-through or a view of it lives on), and it clears the mark on a
/// tensor routed to more than one slot (an AddBackward0 returning the same g twice). AccumulateGrad never returns one
/// (it copies it into .Grad). PyTorch gets the same effect from its caching allocator.
/// The pool is per thread (backward runs on the caller's thread) and bounded: a few buffers per length, a few lengths.
/// </remarks>
internal static class GradBuffers
{
    private const int MaxPerLength = 4;
    private const int MaxLengths = 16;

    [ThreadStatic]
    private static Dictionary<int, Stack<float[]>>? t_free;

    /// <summary>A marked float32 tensor of <paramref name="shape"/> whose contents are garbage: the caller must
    /// overwrite every element.</summary>
    public static Tensor Rent(params int[] shape)
    {
        int length = Shapes.NumEl(shape);
        float[]? buffer = null;
        if (t_free is not null && t_free.TryGetValue(length, out var stack) && stack.Count > 0) buffer = stack.Pop();
        var t = new Tensor(buffer ?? new float[length], shape, DType.Float32) { _recyclableGrad = true };
        return t;
    }

    /// <summary>Takes back a marked gradient nothing references any more (see the remarks for who may call this).</summary>
    public static void Return(Tensor t)
    {
        t._recyclableGrad = false;
        if (t._storage is not float[] buffer || buffer.Length == 0) return;
        t_free ??= [];
        if (!t_free.TryGetValue(buffer.Length, out var stack))
        {
            if (t_free.Count >= MaxLengths) return;
            t_free[buffer.Length] = stack = new Stack<float[]>(MaxPerLength);
        }
        if (stack.Count < MaxPerLength) stack.Push(buffer);
    }

    /// <summary>After <paramref name="node"/> consumed <paramref name="consumed"/> and produced
    /// <paramref name="produced"/>: unmark tensors routed twice, and recycle <paramref name="consumed"/> if it is dead.</summary>
    public static void AfterApply(Node node, Tensor consumed, Tensor?[] produced)
    {
        for (int i = 0; i < produced.Length; i++)
        {
            var p = produced[i];
            if (p is null || !p._recyclableGrad) continue;
            for (int j = 0; j < produced.Length; j++)
                if (j != i && produced[j] is { } q && ReferenceEquals(q._storage, p._storage)) p._recyclableGrad = false;
        }
        if (!consumed._recyclableGrad || node is not FunctionNode) return;
        foreach (var p in produced)
            if (p is not null && ReferenceEquals(p._storage, consumed._storage)) return;
        Return(consumed);
    }

    /// <summary>dL/dx of ReLU: g where the forward output y is positive, else 0 (ReluGradOp, vectorised), into a
    /// rented buffer. Both are contiguous float32 of the same shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor ReluGrad(Tensor g, Tensor y)
    {
        var result = Rent((int[])y._shape.Clone());
        ReadOnlySpan<float> gs = g.Span<float>(), ys = y.Span<float>();
        var dst = result.Span<float>();
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (int w = Vector<float>.Count; i + w <= dst.Length; i += w)
            {
                var keep = Vector.GreaterThan(new Vector<float>(ys.Slice(i, w)), Vector<float>.Zero);
                Vector.ConditionalSelect(keep, new Vector<float>(gs.Slice(i, w)), Vector<float>.Zero).CopyTo(dst.Slice(i, w));
            }
        }
        for (; i < dst.Length; i++) dst[i] = ys[i] > 0 ? gs[i] : 0;
        return result;
    }
}
