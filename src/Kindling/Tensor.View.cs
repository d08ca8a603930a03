// https://pytorch.org/docs/stable/tensor_view.html
using Kindling.Autograd;

namespace Kindling;

public partial class Tensor
{
    /// <summary>The same data seen with <paramref name="shape"/> (one entry may be −1: inferred), sharing storage,
    /// as <c>Tensor.view</c>; needs a contiguous tensor.</summary>
    public Tensor View(params int[] shape)
    {
        var target = InferShape(shape);
        if (!IsContiguous)
            throw new InvalidOperationException(
                $"view size is not compatible with input tensor's size and stride (shape {Shapes.Format(_shape)}, strides " +
                $"{Shapes.Format(_strides)}): at least one dimension spans across two contiguous subspaces. Use Reshape(...) instead.");
        return AliasAs(target, Shapes.ContiguousStrides(target), _offset, "ViewBackward0");
    }

    /// <summary>As <see cref="View"/> when possible, else a contiguous copy with <paramref name="shape"/>, as <c>Tensor.reshape</c>.</summary>
    public Tensor Reshape(params int[] shape)
    {
        var target = InferShape(shape);
        if (IsContiguous) return AliasAs(target, Shapes.ContiguousStrides(target), _offset, "ReshapeAliasBackward0");
        // Not viewable: copy, then view the copy; PyTorch records this as one UnsafeViewBackward0.
        var copy = ContiguousCopy();
        return AliasGrad(new Tensor(copy._storage, target, Shapes.ContiguousStrides(target), 0, _dtype), "UnsafeViewBackward0");
    }

    /// <summary>Dimensions <paramref name="dim0"/> and <paramref name="dim1"/> swapped (a view), as <c>Tensor.transpose</c>.</summary>
    public Tensor Transpose(int dim0, int dim1)
    {
        int a = Shapes.WrapDim(dim0, Dim), b = Shapes.WrapDim(dim1, Dim);
        var perm = new int[Dim];
        for (int i = 0; i < perm.Length; i++) perm[i] = i;
        (perm[a], perm[b]) = (perm[b], perm[a]);
        return PermuteView(perm, "TransposeBackward0");
    }

    /// <summary>The transpose of a matrix (a view), as <c>Tensor.T</c> / <c>Tensor.t()</c>; a 0-d or 1-d tensor is returned as is.</summary>
    public Tensor T => Dim < 2 ? this : Dim == 2
        ? PermuteView([1, 0], "TBackward0")
        : throw new InvalidOperationException($"t() expects a tensor with <= 2 dimensions, but self is {Dim}D");

    /// <summary>Dimensions reordered by <paramref name="dims"/> (a view), as <c>Tensor.permute</c>.</summary>
    public Tensor Permute(params int[] dims)
    {
        if (dims.Length != Dim)
            throw new ArgumentException($"permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {Dim} is not equal to len(dims) = {dims.Length}");
        var perm = new int[Dim];
        var seen = new bool[Dim];
        for (int i = 0; i < Dim; i++)
        {
            perm[i] = Shapes.WrapDim(dims[i], Dim);
            if (seen[perm[i]]) throw new ArgumentException($"permute(): duplicate dims are not allowed ({Shapes.Format(dims)}).");
            seen[perm[i]] = true;
        }
        return PermuteView(perm, "PermuteBackward0");
    }

    /// <summary>The slice at <paramref name="index"/> along <paramref name="dim"/>, that dimension removed (a view), as <c>Tensor.select</c>.</summary>
    public Tensor Select(int dim, int index)
    {
        int d = Shapes.WrapDim(dim, Dim);
        int size = _shape[d];
        if (index < -size || index >= size)
            throw new IndexOutOfRangeException($"select(): index {index} out of range for tensor of size {Shapes.Format(_shape)} at dimension {d}");
        if (index < 0) index += size;
        var shape = new int[Dim - 1];
        var strides = new int[Dim - 1];
        for (int i = 0, j = 0; i < Dim; i++)
        {
            if (i == d) continue;
            shape[j] = _shape[i];
            strides[j++] = _strides[i];
        }
        var result = new Tensor(_storage, shape, strides, _offset + index * _strides[d], _dtype);
        if (Function.NeedsGrad(this))
        {
            int[] inShape = _shape;
            var dtype = _dtype;
            int at = index;
            Function.Apply("SelectBackward0", result, [this], g =>
            {
                var z = Empty(inShape, dtype);
                z.Select(d, at).Copy_(g);
                return [z];
            }, savesTensors: false);
        }
        return result;
    }

    /// <summary>Elements start … start + length − 1 along <paramref name="dim"/> (a view), as <c>Tensor.narrow</c>.</summary>
    public Tensor Narrow(int dim, int start, int length)
    {
        int d = Shapes.WrapDim(dim, Dim);
        int size = _shape[d];
        if (start < 0) start += size;
        if (start < 0 || length < 0 || start + length > size)
            throw new ArgumentOutOfRangeException(nameof(start),
                $"start ({start}) + length ({length}) exceeds dimension size ({size}) of dimension {d} (shape {Shapes.Format(_shape)}).");
        var shape = (int[])_shape.Clone();
        shape[d] = length;
        var result = new Tensor(_storage, shape, _strides, _offset + start * _strides[d], _dtype);
        if (Function.NeedsGrad(this))
        {
            int[] inShape = _shape;
            var dtype = _dtype;
            int from = start;
            Function.Apply("SliceBackward0", result, [this], g =>
            {
                var z = Empty(inShape, dtype);
                z.Narrow(d, from, length).Copy_(g);
                return [z];
            }, savesTensors: false);
        }
        return result;
    }

    /// <summary>Elements [start, end) along <paramref name="dim"/> (a view; Python slice rules: negatives count from
    /// the end, bounds are clamped), as <c>t[start:end]</c> for dim 0.</summary>
    public Tensor Slice(int dim, int start, int end)
    {
        int size = _shape[Shapes.WrapDim(dim, Dim)];
        if (start < 0) start += size;
        if (end < 0) end += size;
        start = Math.Clamp(start, 0, size);
        end = Math.Clamp(end, start, size);
        return Narrow(dim, start, end - start);
    }

    /// <summary>A size-1 dimension inserted at <paramref name="dim"/> (a view), as <c>Tensor.unsqueeze</c>.</summary>
    public Tensor Unsqueeze(int dim)
    {
        int d = Shapes.WrapDim(dim, Dim + 1);
        var result = UnsqueezeDims([d], false);
        return AliasGrad(result, "UnsqueezeBackward0");
    }

    /// <summary>All size-1 dimensions removed (a view), as <c>Tensor.squeeze()</c>.</summary>
    public Tensor Squeeze()
    {
        var dims = new List<int>();
        for (int i = 0; i < Dim; i++)
            if (_shape[i] == 1) dims.Add(i);
        return AliasGrad(SqueezeDims(dims.ToArray()), "SqueezeBackward0");
    }

    /// <summary>Dimension <paramref name="dim"/> removed if its size is 1 (a view), as <c>Tensor.squeeze(dim)</c>.</summary>
    public Tensor Squeeze(int dim)
    {
        int d = Shapes.WrapDim(dim, Dim);
        return AliasGrad(Dim > 0 && _shape[d] == 1 ? SqueezeDims([d]) : Detach(), "SqueezeBackward1");
    }

    /// <summary>Dimensions startDim…endDim merged into one, as <c>Tensor.flatten</c> (a view when contiguous).</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1)
    {
        if (Dim == 0) return Reshape(1);
        int s = Shapes.WrapDim(startDim, Dim), e = Shapes.WrapDim(endDim, Dim);
        if (s > e) throw new ArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        if (s == e) return this;
        var shape = new int[Dim - (e - s)];
        for (int i = 0; i < s; i++) shape[i] = _shape[i];
        int merged = 1;
        for (int i = s; i <= e; i++) merged *= _shape[i];
        shape[s] = merged;
        for (int i = e + 1; i < Dim; i++) shape[i - e + s] = _shape[i];
        return Reshape(shape);
    }

    /// <summary>Size-1 dimensions repeated to <paramref name="shape"/> without copying (stride 0), as <c>Tensor.expand</c>;
    /// −1 keeps a size.</summary>
    public Tensor Expand(params int[] shape)
    {
        if (shape.AsSpan().SequenceEqual(_shape)) return this;
        int lead = shape.Length - Dim;
        if (lead < 0)
            throw new ArgumentException($"expand: the number of sizes provided ({shape.Length}) must be greater or equal to the number of dimensions in the tensor ({Dim})");
        var target = new int[shape.Length];
        var strides = new int[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            int own = i >= lead ? _shape[i - lead] : 1;
            int want = shape[i] == -1 && i >= lead ? own : shape[i];
            if (own != want && own != 1)
                throw new ArgumentException(
                    $"The expanded size of the tensor ({want}) must match the existing size ({own}) at non-singleton dimension {i}.  Target sizes: {Shapes.Format(shape)}.  Tensor sizes: {Shapes.Format(_shape)}");
            target[i] = want;
            strides[i] = i >= lead && own == want ? _strides[i - lead] : 0;
        }
        var result = new Tensor(_storage, target, strides, _offset, _dtype);
        if (Function.NeedsGrad(this))
        {
            int[] inShape = _shape;
            Function.Apply("ExpandBackward0", result, [this], g => [Reductions.SumToShape(g, inShape)], savesTensors: false);
        }
        return result;
    }

    /// <summary>View without the given ascending dims (each must be size 1); no autograd.</summary>
    internal Tensor SqueezeDims(int[] dims)
    {
        if (dims.Length == 0) return Detach();
        var shape = new int[Dim - dims.Length];
        var strides = new int[shape.Length];
        for (int i = 0, j = 0, k = 0; i < Dim; i++)
        {
            if (k < dims.Length && dims[k] == i)
            {
                k++;
                continue;
            }
            shape[j] = _shape[i];
            strides[j++] = _strides[i];
        }
        return new Tensor(_storage, shape, strides, _offset, _dtype);
    }

    /// <summary>View with size-1 dims inserted at the given ascending positions of the result (none when
    /// <paramref name="alreadyKept"/>); no autograd. Undoes a reduction without keepdim.</summary>
    internal Tensor UnsqueezeDims(int[] dims, bool alreadyKept)
    {
        if (alreadyKept || dims.Length == 0) return Detach();
        int rank = Dim + dims.Length;
        var shape = new int[rank];
        var strides = new int[rank];
        for (int i = 0, j = 0, k = 0; i < rank; i++)
        {
            if (k < dims.Length && dims[k] == i)
            {
                k++;
                shape[i] = 1;
                strides[i] = j < Dim ? _strides[j] * _shape[j] : 1;
                continue;
            }
            shape[i] = _shape[j];
            strides[i] = _strides[j++];
        }
        return new Tensor(_storage, shape, strides, _offset, _dtype);
    }

    private Tensor PermuteView(int[] perm, string name)
    {
        var shape = new int[Dim];
        var strides = new int[Dim];
        for (int i = 0; i < Dim; i++)
        {
            shape[i] = _shape[perm[i]];
            strides[i] = _strides[perm[i]];
        }
        var result = new Tensor(_storage, shape, strides, _offset, _dtype);
        if (Function.NeedsGrad(this))
        {
            var inverse = new int[Dim];
            for (int i = 0; i < Dim; i++) inverse[perm[i]] = i;
            Function.Apply(name, result, [this], g => [g.Permute(inverse)], savesTensors: false);
        }
        return result;
    }

    private Tensor AliasAs(int[] shape, int[] strides, int offset, string name)
        => AliasGrad(new Tensor(_storage, shape, strides, offset, _dtype), name);

    // Records a view whose gradient is the incoming gradient reshaped back to this tensor's shape.
    private Tensor AliasGrad(Tensor view, string name)
    {
        if (Function.NeedsGrad(this))
        {
            int[] inShape = _shape;
            Function.Apply(name, view, [this], g => [g.Reshape(inShape)], savesTensors: false);
        }
        return view;
    }

    private int[] InferShape(int[] shape)
    {
        var target = (int[])shape.Clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < target.Length; i++)
        {
            if (target[i] == -1)
            {
                if (infer >= 0) throw new ArgumentException("only one dimension can be inferred");
                infer = i;
            }
            else if (target[i] < 0) throw new ArgumentException($"invalid shape dimension {target[i]}");
            else known *= target[i];
        }
        if (infer >= 0 && known != 0 && _numel % known == 0) target[infer] = (int)(_numel / known);
        if ((infer >= 0 && (known == 0 || _numel % known != 0)) || (infer < 0 && known != _numel))
            throw new ArgumentException($"shape '{Shapes.Format(shape)}' is invalid for input of size {_numel}");
        return target;
    }
}
