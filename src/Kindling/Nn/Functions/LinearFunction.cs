// https://pytorch.org/docs/1.13/generated/torch.nn.functional.linear.html
using Kindling.Autograd;
using Kindling.Kernels;

namespace Kindling.Nn;

/// <summary>y = x·Wᵀ + b as one GEMM with the bias fused into its epilogue; backward is two GEMMs and a column sum.</summary>
internal static class LinearFunction
{
    /// <summary>x (N, in), W (out, in), b (out) → y (N, out); the caller has checked shapes and dtypes.</summary>
    public static Tensor Apply(Tensor x, Tensor weight, Tensor? bias)
    {
        x = x.Contiguous();
        var w = weight.Contiguous();
        var b = bias?.Contiguous();
        int n = x.Size(0), inF = x.Size(1), outF = w.Size(0);
        Tensor y = x.DType == DType.Float32
            ? ForwardFloat(x, w, b, n, inF, outF)
            : ForwardDouble(x, w, b, n, inF, outF);
        bool needX = x.RequiresGrad, needW = weight.RequiresGrad, needB = bias is { RequiresGrad: true };
        // PyTorch names this node AddmmBackward0 (with bias) or MmBackward0 (without).
        return Function.Apply(bias is null ? "MmBackward0" : "AddmmBackward0", y, [x, weight, bias], g =>
        [
            needX ? GradInput(g, w, n, inF, outF) : null,
            needW ? GradWeight(g, x, weight, n, inF, outF) : null,
            needB ? GradBias(g, bias!, n, outF) : null,
        ]);
    }

    /// <summary>relu(x·Wᵀ + b) for float32 x (N, in), as one GEMM with bias and ReLU fused into its store; one
    /// autograd node (<c>ReluBackward0</c>) whose backward masks dL/dy by y &gt; 0 and then runs Linear's backward.</summary>
    /// <remarks>For <see cref="Sequential"/>, where the pre-activation is seen by no one. relu(−0) may come out −0
    /// here (+0 unfused): equal values, the same mask.</remarks>
    public static Tensor ApplyRelu(Tensor x, Tensor weight, Tensor? bias)
    {
        x = x.Contiguous();
        var w = weight.Contiguous();
        var b = bias?.Contiguous();
        int n = x.Size(0), inF = x.Size(1), outF = w.Size(0);
        var y = Tensor.Uninitialized([n, outF], DType.Float32);
        Product(x, w, b, n, inF, outF, y, relu: true);
        bool needX = x.RequiresGrad, needW = weight.RequiresGrad, needB = bias is { RequiresGrad: true };
        return Function.Apply("ReluBackward0", y, [x, weight, bias], g =>
        {
            var dz = g.IsContiguous && g._shape.AsSpan().SequenceEqual(y._shape)
                ? GradBuffers.ReluGrad(g, y)
                : Elementwise.Binary<ReluGradOp<float>, float, float>(g, y, DType.Float32);
            Tensor?[] grads =
            [
                needX ? GradInput(dz, w, n, inF, outF) : null,
                needW ? GradWeight(dz, x, weight, n, inF, outF) : null,
                needB ? GradBias(dz, bias!, n, outF) : null,
            ];
            if (dz._recyclableGrad) GradBuffers.Return(dz);   // read by the three products above, referenced by none
            return grads;
        });
    }

    private static Tensor ForwardFloat(Tensor x, Tensor w, Tensor? b, int n, int inF, int outF)
    {
        var y = Tensor.Uninitialized([n, outF], DType.Float32);
        Product(x, w, b, n, inF, outF, y, relu: false);
        return y;
    }

    // y = x·Wᵀ + b [ReLU]: without packing when the layer is narrow, else the blocked GEMM (bit-identical results).
    private static void Product(Tensor x, Tensor w, Tensor? b, int n, int inF, int outF, Tensor y, bool relu)
    {
        ReadOnlySpan<float> bias = b is null ? default : b.Span<float>();
        if (SmallGemm.TryRows(x.Span<float>(), n, inF, w.Span<float>(), transB: true, outF, y.Span<float>(), bias, relu)) return;
        Gemm.Sgemm(false, true, n, outF, inF, 1f, x.Span<float>(), inF, w.Span<float>(), inF, 0f, y.Span<float>(), outF,
            bias, relu ? Epilogue.Relu : Epilogue.None);
    }

    private static Tensor ForwardDouble(Tensor x, Tensor w, Tensor? b, int n, int inF, int outF)
    {
        var y = Tensor.Uninitialized([n, outF], DType.Float64);
        Gemm.Dgemm(false, true, n, outF, inF, 1.0, x.Span<double>(), inF, w.Span<double>(), inF, 0.0, y.Span<double>(), outF,
            b is null ? default : (ReadOnlySpan<double>)b.Span<double>());
        return y;
    }

    // dX (N, in) = dY (N, out) · W (out, in)
    private static Tensor GradInput(Tensor g, Tensor w, int n, int inF, int outF)
    {
        g = g.Contiguous();
        if (g.DType == DType.Float32)
        {
            // Only backward consumes dX: its buffer is recycled by the engine (GradBuffers).
            var dx = GradBuffers.Rent(n, inF);
            if (!SmallGemm.TryRows(g.Span<float>(), n, outF, w.Span<float>(), transB: false, inF, dx.Span<float>(), default, relu: false))
                Gemm.Sgemm(false, false, n, inF, outF, 1f, g.Span<float>(), outF, w.Span<float>(), inF, 0f, dx.Span<float>(), inF);
            return dx;
        }
        var dxd = new double[n * inF];
        Gemm.Dgemm(false, false, n, inF, outF, 1.0, g.Span<double>(), outF, w.Span<double>(), inF, 0.0, dxd, inF);
        return Tensor.FromArray(dxd, n, inF);
    }

    // dW (out, in) = dYᵀ (out, N) · X (N, in)
    private static Tensor GradWeight(Tensor g, Tensor x, Tensor weight, int n, int inF, int outF)
    {
        g = g.Contiguous();
        if (g.DType == DType.Float32)
        {
            var dw = weight.TakeRecycledGrad([outF, inF]) ?? Tensor.FromArray(new float[outF * inF], outF, inF);
            if (!SmallGemm.TryTransposedA(g.Span<float>(), n, outF, x.Span<float>(), inF, dw.Span<float>()))
                Gemm.Sgemm(true, false, outF, inF, n, 1f, g.Span<float>(), outF, x.Span<float>(), inF, 0f, dw.Span<float>(), inF);
            return dw.AsExclusiveGrad();
        }
        var dwd = new double[outF * inF];
        Gemm.Dgemm(true, false, outF, inF, n, 1.0, g.Span<double>(), outF, x.Span<double>(), inF, 0.0, dwd, inF);
        return Tensor.FromArray(dwd, outF, inF).AsExclusiveGrad();
    }

    // db (out) = Σ over rows of dY
    private static Tensor GradBias(Tensor g, Tensor bias, int n, int outF)
    {
        g = g.Contiguous();
        if (g.DType == DType.Float32)
        {
            var db = bias.TakeRecycledGrad([outF]) ?? Tensor.FromArray(new float[outF], outF);
            ColumnSums.Sum(g.Span<float>(), n, outF, db.Span<float>());
            return db.AsExclusiveGrad();
        }
        var dbd = new double[outF];
        ColumnSums.Sum(g.Span<double>(), n, outF, dbd);
        return Tensor.FromArray(dbd, outF).AsExclusiveGrad();
    }
}
