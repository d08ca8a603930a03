// https://pytorch.org/docs/stable/generated/torch.matmul.html
using Kindling.Autograd;
using Kindling.Kernels;

namespace Kindling;

public partial class Tensor
{
    /// <summary>Matrix product of two 2-D tensors: (m, k)·(k, n) → (m, n), as <c>torch.mm</c>.</summary>
    /// <exception cref="ArgumentException">Not 2-D, inner sizes differ (the message names both shapes), or dtypes differ.</exception>
    public Tensor Mm(Tensor other)
    {
        if (Dim != 2 || other.Dim != 2)
            throw new ArgumentException($"mm: expected 2-D tensors, got shapes {Shapes.Format(_shape)} and {Shapes.Format(other._shape)}");
        if (_shape[1] != other._shape[0])
            throw new ArgumentException(
                $"mat1 and mat2 shapes cannot be multiplied ({_shape[0]}x{_shape[1]} and {other._shape[0]}x{other._shape[1]})");
        CheckSameDType(other, "mat1 and mat2");
        var result = Empty([_shape[0], other._shape[1]], _dtype);
        if (_dtype.IsFloatingPoint()) GemmInto(this, other, result);
        else MatMulKernel(Contiguous(), other.Contiguous(), result, 1, _shape[0], other._shape[1], _shape[1]);
        if (Function.NeedsGrad(this, other))
        {
            var a = this;
            Function.Apply("MmBackward0", result, [this, other], g =>
            [
                a.RequiresGrad ? g.Mm(other.T) : null,
                other.RequiresGrad ? a.T.Mm(g) : null,
            ]);
        }
        return result;
    }

    /// <summary>Batched matrix product: (b, m, k)·(b, k, n) → (b, m, n), as <c>torch.bmm</c>.</summary>
    public Tensor Bmm(Tensor other)
    {
        if (Dim != 3 || other.Dim != 3)
            throw new ArgumentException($"bmm: expected 3-D tensors, got shapes {Shapes.Format(_shape)} and {Shapes.Format(other._shape)}");
        if (_shape[0] != other._shape[0] || _shape[2] != other._shape[1])
            throw new ArgumentException(
                $"Expected size for first two dimensions of batch2 tensor to be: [{_shape[0]}, {_shape[2]}] but got: [{other._shape[0]}, {other._shape[1]}] " +
                $"(shapes {Shapes.Format(_shape)} and {Shapes.Format(other._shape)}).");
        CheckSameDType(other, "batch1 and batch2");
        var result = Empty([_shape[0], _shape[1], other._shape[2]], _dtype);
        MatMulKernel(Contiguous(), other.Contiguous(), result, _shape[0], _shape[1], other._shape[2], _shape[2]);
        if (Function.NeedsGrad(this, other))
        {
            var a = this;
            Function.Apply("BmmBackward0", result, [this, other], g =>
            [
                a.RequiresGrad ? g.Bmm(other.Transpose(1, 2)) : null,
                other.RequiresGrad ? a.Transpose(1, 2).Bmm(g) : null,
            ]);
        }
        return result;
    }

    /// <summary>Matrix product with PyTorch's rules: 1-D·1-D dot, 2-D·2-D mm, matrix·vector, vector·matrix, and
    /// batched products broadcasting the leading (batch) dimensions, as <c>torch.matmul</c>.</summary>
    public Tensor MatMul(Tensor other)
    {
        if (Dim == 0 || other.Dim == 0)
            throw new ArgumentException($"both arguments to matmul need to be at least 1D, but they are {Dim}D and {other.Dim}D");
        if (Dim == 2 && other.Dim == 2) return Mm(other);
        if (Dim == 1 && other.Dim == 1)
        {
            if (_shape[0] != other._shape[0])
                throw new ArgumentException($"inconsistent tensor size, expected tensor [{_shape[0]}] and src [{other._shape[0]}] to have the same number of elements, but got {_shape[0]} and {other._shape[0]} elements respectively");
            return VectorProduct(other, "DotBackward0");
        }
        if (Dim == 1 && other.Dim == 2) return Unsqueeze(0).Mm(other).Squeeze(0);
        if (Dim == 2 && other.Dim == 1) return VectorProduct(other, "MvBackward0");
        if (other.Dim <= 2)
        {
            // (..., m, k)·(k, n): fold the batch into the rows of one mm.
            var b2 = other.Dim == 1 ? other.Unsqueeze(1) : other;
            int k = _shape[^1];
            if (k != b2._shape[0])
                throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({_numel / Math.Max(k, 1)}x{k} and {b2._shape[0]}x{b2._shape[1]})");
            var outShape = (int[])_shape.Clone();
            outShape[^1] = b2._shape[1];
            var folded = Reshape(-1, k).Mm(b2).Reshape(outShape);
            return other.Dim == 1 ? folded.Squeeze(-1) : folded;
        }
        return BatchedMatMul(other);
    }

    // dot (1-D·1-D) and mv (2-D·1-D) as single recorded ops, as PyTorch records them.
    private Tensor VectorProduct(Tensor vector, string name)
    {
        Tensor result;
        using (Torch.NoGrad()) result = (Dim == 1 ? Unsqueeze(0) : this).Mm(vector.Unsqueeze(1)).Reshape(Dim == 1 ? [] : [_shape[0]]);
        if (Function.NeedsGrad(this, vector))
        {
            var a = this;
            Function.Apply(name, result, [this, vector], g =>
            [
                a.RequiresGrad ? (a.Dim == 1 ? vector.Mul(g) : g.Unsqueeze(1).Mm(vector.Unsqueeze(0))) : null,
                vector.RequiresGrad ? (a.Dim == 1 ? a.Mul(g) : a.T.Mm(g.Unsqueeze(1)).Squeeze(1)) : null,
            ]);
        }
        return result;
    }

    // General case: broadcast batch dims of (..., m, k) and (..., k, n), then one bmm.
    private Tensor BatchedMatMul(Tensor other)
    {
        var a = Dim == 1 ? Unsqueeze(0) : this;
        var b = other.Dim == 1 ? other.Unsqueeze(1) : other;
        int m = a._shape[^2], k = a._shape[^1], k2 = b._shape[^2], n = b._shape[^1];
        if (k != k2)
            throw new ArgumentException($"Expected size for first two dimensions of batch2 tensor to be: [.., {k}] but got: [.., {k2}] (shapes {Shapes.Format(_shape)} and {Shapes.Format(other._shape)}).");
        var batch = Shapes.Broadcast(a._shape[..^2], b._shape[..^2]);
        int count = Shapes.NumEl(batch);
        var ae = a.Expand([.. batch, m, k]).Reshape(count, m, k);
        var be = b.Expand([.. batch, k, n]).Reshape(count, k, n);
        var result = ae.Bmm(be).Reshape([.. batch, m, n]);
        if (Dim == 1) result = result.Squeeze(-2);
        if (other.Dim == 1) result = result.Squeeze(-1);
        return result;
    }

    // 2-D float product through the blocked GEMM: a row-major matrix or a transposed view of one is passed in place
    // (transA/transB), so backward's g·Bᵀ and Aᵀ·g copy nothing; other layouts are made contiguous first.
    private static void GemmInto(Tensor a, Tensor b, Tensor c)
    {
        if (!GemmLayout(a, out bool ta, out int lda)) (a, ta, lda) = (a.ContiguousCopy(), false, Math.Max(a._shape[1], 1));
        if (!GemmLayout(b, out bool tb, out int ldb)) (b, tb, ldb) = (b.ContiguousCopy(), false, Math.Max(b._shape[1], 1));
        int m = a._shape[0], k = a._shape[1], n = b._shape[1];
        if (c._dtype == DType.Float32)
        {
            var ad = (float[])a._storage;
            var bd = (float[])b._storage;
            Gemm.Sgemm(ta, tb, m, n, k, 1f, ad.AsSpan(a._offset), lda, bd.AsSpan(b._offset), ldb, 0f, c.Span<float>(), Math.Max(n, 1));
        }
        else
        {
            var ad = (double[])a._storage;
            var bd = (double[])b._storage;
            Gemm.Dgemm(ta, tb, m, n, k, 1d, ad.AsSpan(a._offset), lda, bd.AsSpan(b._offset), ldb, 0d, c.Span<double>(), Math.Max(n, 1));
        }
    }

    // Whether a 2-D tensor is a row-major matrix with row stride ld (trans = false), or the transpose of one (trans = true).
    private static bool GemmLayout(Tensor t, out bool trans, out int ld)
    {
        int rows = t._shape[0], cols = t._shape[1], s0 = t._strides[0], s1 = t._strides[1];
        if ((s1 == 1 || cols <= 1) && (rows <= 1 || s0 >= Math.Max(cols, 1)))
        {
            trans = false;
            ld = rows <= 1 ? Math.Max(cols, 1) : s0;
            return true;
        }
        if ((s0 == 1 || rows <= 1) && (cols <= 1 || s1 >= Math.Max(rows, 1)))
        {
            trans = true;
            ld = cols <= 1 ? Math.Max(rows, 1) : s1;
            return true;
        }
        trans = false;
        ld = 0;
        return false;
    }

    private static void MatMulKernel(Tensor a, Tensor b, Tensor c, int batch, int m, int n, int k)
    {
        int sa = m * k, sb = k * n, sc = m * n;
        for (int i = 0; i < batch; i++)
        {
            switch (c.DType)
            {
                case DType.Float32:
                    Gemm.Sgemm(false, false, m, n, k, 1f, a.Span<float>().Slice(i * sa, sa), Math.Max(k, 1),
                        b.Span<float>().Slice(i * sb, sb), Math.Max(n, 1), 0f, c.Span<float>().Slice(i * sc, sc), Math.Max(n, 1));
                    break;
                case DType.Float64:
                    Gemm.Dgemm(false, false, m, n, k, 1d, a.Span<double>().Slice(i * sa, sa), Math.Max(k, 1),
                        b.Span<double>().Slice(i * sb, sb), Math.Max(n, 1), 0d, c.Span<double>().Slice(i * sc, sc), Math.Max(n, 1));
                    break;
                case DType.Int64:
                    NaiveMatMul.Multiply<long>(a.Span<long>().Slice(i * sa, sa), b.Span<long>().Slice(i * sb, sb), c.Span<long>().Slice(i * sc, sc), m, n, k);
                    break;
                default:
                    throw new ArgumentException("matmul is not supported for bool tensors.");
            }
        }
    }

    private void CheckSameDType(Tensor other, string names)
    {
        if (_dtype != other._dtype)
            throw new ArgumentException($"expected {names} to have the same dtype, but got: {_dtype.TorchName()} != {other._dtype.TorchName()}");
    }
}
