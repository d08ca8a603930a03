// https://pytorch.org/docs/stable/nn.functional.html#non-linear-activation-functions
using Kindling.Autograd;

namespace Kindling;

public partial class Tensor
{
    /// <summary>max(x, 0) elementwise, as <c>torch.relu</c>.</summary>
    public Tensor Relu()
    {
        var result = _dtype switch
        {
            DType.Float32 => Elementwise.Unary<ReluOp<float>, float>(this),
            DType.Float64 => Elementwise.Unary<ReluOp<double>, double>(this),
            DType.Int64 => Elementwise.Unary<ReluOp<long>, long>(this),
            _ => throw new ArgumentException("relu is not supported for bool tensors."),
        };
        return WithScalarGrad("ReluBackward0", result, g => g.DType == DType.Float64
            ? Elementwise.Binary<ReluGradOp<double>, double, double>(g, result, DType.Float64)
            : g.IsContiguous && g._shape.AsSpan().SequenceEqual(result._shape)
                ? GradBuffers.ReluGrad(g, result)
                : Elementwise.Binary<ReluGradOp<float>, float, float>(g, result, DType.Float32), saves: true);
    }

    /// <summary>x for x &gt; 0, else negativeSlope·x, as <c>F.leaky_relu</c>.</summary>
    public Tensor LeakyRelu(double negativeSlope = 0.01)
    {
        var x = this;
        var result = Elementwise.MapFloating(this, new LeakyReluOp<float>((float)negativeSlope), new LeakyReluOp<double>(negativeSlope));
        return WithScalarGrad("LeakyReluBackward0", result,
            g => g.Mul(Torch.Where(x.Gt(0), Scalar(1, g.DType), Scalar(negativeSlope, g.DType))), saves: true);
    }

    /// <summary>1 / (1 + e⁻ˣ) elementwise, as <c>torch.sigmoid</c>.</summary>
    public Tensor Sigmoid()
    {
        var result = Elementwise.UnaryFloating<SigmoidOp<float>, SigmoidOp<double>>(this);
        return WithScalarGrad("SigmoidBackward0", result, g => g.Mul(result.Mul(result.RSub(1))), saves: true);
    }

    /// <summary>Hyperbolic tangent elementwise, as <c>torch.tanh</c>.</summary>
    public Tensor Tanh()
    {
        var result = Elementwise.UnaryFloating<TanhOp<float>, TanhOp<double>>(this);
        return WithScalarGrad("TanhBackward0", result, g => g.Mul(result.Mul(result).RSub(1)), saves: true);
    }

    /// <summary>GELU, as <c>F.gelu</c>: <paramref name="approximate"/> "none" uses erf, "tanh" the tanh approximation.</summary>
    public Tensor Gelu(string approximate = "none")
    {
        bool tanh = approximate switch
        {
            "none" => false,
            "tanh" => true,
            _ => throw new ArgumentException($"approximate argument must be either none or tanh, got '{approximate}'.", nameof(approximate)),
        };
        var x = this;
        var result = tanh
            ? Elementwise.MapFloating(this, default(GeluTanhOp<float>), default(GeluTanhOp<double>))
            : Elementwise.MapFloating(this, default(GeluOp<float>), default(GeluOp<double>));
        return WithScalarGrad("GeluBackward0", result, g => g.Mul(tanh
            ? Elementwise.MapFloating(x, default(GeluTanhGradOp<float>), default(GeluTanhGradOp<double>))
            : Elementwise.MapFloating(x, default(GeluGradOp<float>), default(GeluGradOp<double>))), saves: true);
    }

    /// <summary>exp(x) / Σ exp(x) along <paramref name="dim"/>, as <c>torch.softmax</c>.</summary>
    public Tensor Softmax(int dim)
    {
        var result = SoftmaxCore(dim, log: false);
        int d = Shapes.WrapDim(dim, Dim);
        return WithScalarGrad("SoftmaxBackward0", result,
            g => result.Mul(g.Sub(g.Mul(result).Sum(d, keepDim: true))), saves: true);
    }

    /// <summary>log(softmax(x)) along <paramref name="dim"/>, computed as x − max − log Σ exp(x − max), as <c>torch.log_softmax</c>.</summary>
    public Tensor LogSoftmax(int dim)
    {
        var result = SoftmaxCore(dim, log: true);
        int d = Shapes.WrapDim(dim, Dim);
        return WithScalarGrad("LogSoftmaxBackward0", result,
            g => g.Sub(result.Exp().Mul(g.Sum(d, keepDim: true))), saves: true);
    }

    private Tensor SoftmaxCore(int dim, bool log)
    {
        var src = AsFloating().Contiguous();
        if (src.Dim == 0) src = src.Reshape(1);
        int d = Shapes.WrapDim(dim, src.Dim);
        var (outer, n, inner) = Reductions.Split(src._shape, d);
        var result = Empty(_shape, src._dtype);
        if (src._dtype == DType.Float64)
            SoftmaxKernels.Forward<double>(src.Span<double>(), result.Span<double>(), outer, n, inner, log);
        else
            SoftmaxKernels.Forward<float>(src.Span<float>(), result.Span<float>(), outer, n, inner, log);
        return result;
    }
}
