// https://pytorch.org/docs/1.13/nn.functional.html#loss-functions
namespace Kindling.Nn;

public static partial class Functional
{
    /// <summary>Cross-entropy between logits and class indices or class probabilities, as <c>F.cross_entropy</c>.</summary>
    /// <param name="input">(N, C) logits, or (C) for one sample.</param>
    /// <param name="target">int64 class indices (N) in [0, C), or probabilities with the input's shape.</param>
    /// <param name="weight">(C) per-class weights, or null.</param>
    /// <param name="ignoreIndex">A class-index target equal to this contributes nothing (not even to the mean's weight).</param>
    /// <param name="reduction">None: per sample; Mean: weighted mean over non-ignored samples; Sum.</param>
    /// <param name="labelSmoothing">ε in [0, 1]: the target becomes (1 − ε)·target + ε/C.</param>
    /// <remarks>log-softmax (max-subtracted) and NLL are fused; its gradient, (softmax − onehot)·w scaled by the
    /// reduction, is computed in the same pass.</remarks>
    public static Tensor CrossEntropy(Tensor input, Tensor target, Tensor? weight = null, long ignoreIndex = -100,
        Reduction reduction = Reduction.Mean, double labelSmoothing = 0)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "label_smoothing must be between 0.0 and 1.0.");
        if (target.DType == DType.Int64)
            return ClassLossFunction.ClassIndices("cross_entropy", input, target, weight, ignoreIndex, reduction, labelSmoothing, logSoftmax: true);
        if (target.DType.IsFloatingPoint() && TensorData.SameShape(input, target))
            return ClassLossFunction.Probabilities("cross_entropy", input, target, weight, reduction, labelSmoothing);
        throw new ArgumentException(
            $"cross_entropy: input shape {TensorData.Format(input.Shape)} and target shape {TensorData.Format(target.Shape)} ({target.DType}) " +
            "do not match: the target must be int64 class indices of shape (N) or probabilities of the input's shape.", nameof(target));
    }

    /// <summary>Negative log-likelihood of class indices given log-probabilities, as <c>F.nll_loss</c>.</summary>
    /// <param name="input">(N, C) log-probabilities (e.g. from <see cref="LogSoftmax"/>), or (C).</param>
    /// <param name="target">int64 class indices (N) in [0, C).</param>
    /// <param name="weight">(C) per-class weights, or null.</param>
    /// <param name="ignoreIndex">A target equal to this contributes nothing.</param>
    /// <param name="reduction">None, weighted Mean, or Sum.</param>
    public static Tensor NllLoss(Tensor input, Tensor target, Tensor? weight = null, long ignoreIndex = -100,
        Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        return ClassLossFunction.ClassIndices("nll_loss", input, target, weight, ignoreIndex, reduction, 0, logSoftmax: false);
    }

    /// <summary>(x − y)², as <c>F.mse_loss</c>; input and target have the same shape.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        PointwiseLossFunction.Apply("mse_loss", "MseLossBackward0", input, target, reduction,
            (double x, double t, int _, out double dx, out double dt) =>
            {
                double d = x - t;
                dx = 2 * d;
                dt = -dx;
                return d * d;
            }, targetHasGrad: true);

    /// <summary>|x − y|, as <c>F.l1_loss</c>; the gradient at x = y is 0 (sign(0)).</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
        PointwiseLossFunction.Apply("l1_loss", "L1LossBackward0", input, target, reduction,
            (double x, double t, int _, out double dx, out double dt) =>
            {
                double d = x - t;
                dx = Math.Sign(d);
                dt = -dx;
                return Math.Abs(d);
            }, targetHasGrad: true);

    /// <summary>½(x − y)² where |x − y| &lt; δ, else δ·(|x − y| − ½δ), as <c>F.huber_loss</c>.</summary>
    public static Tensor HuberLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double delta = 1.0)
    {
        if (!(delta > 0)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "huber_loss does not support non-positive values for delta.");
        return PointwiseLossFunction.Apply("huber_loss", "HuberLossBackward0", input, target, reduction,
            (double x, double t, int _, out double dx, out double dt) =>
            {
                double d = x - t, a = Math.Abs(d);
                dx = d < -delta ? -delta : d > delta ? delta : d;
                dt = -dx;
                return a < delta ? 0.5 * d * d : delta * (a - 0.5 * delta);
            }, targetHasGrad: true);
    }

    /// <summary>−w·(y·log x + (1 − y)·log(1 − x)) for probabilities x, as <c>F.binary_cross_entropy</c>.</summary>
    /// <remarks>Each log is clamped at −100 (PyTorch's rule, so x = 0 or 1 gives a finite loss); the gradient is
    /// w·(x − y) / max(x·(1 − x), 1e-12). No gradient flows to the target.</remarks>
    /// <param name="input">Probabilities in [0, 1].</param>
    /// <param name="target">Same shape as the input, values in [0, 1].</param>
    /// <param name="weight">Rescales each element; broadcast to the input's shape. Null for 1.</param>
    /// <param name="reduction">None, Mean (over all elements) or Sum.</param>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(input);
        var w = weight is null ? null : TensorData.Broadcast(weight, input.Shape, "binary_cross_entropy weight");
        return PointwiseLossFunction.Apply("binary_cross_entropy", "BinaryCrossEntropyBackward0", input, target, reduction,
            (double x, double t, int i, out double dx, out double dt) =>
            {
                if (!(x >= 0 && x <= 1))
                    throw new ArgumentException($"binary_cross_entropy: all elements of input should be between 0 and 1 (element {i} is {x}).", nameof(input));
                double wi = w?[i] ?? 1;
                dt = 0;
                dx = wi * (x - t) / Math.Max(x * (1 - x), 1e-12);
                return -wi * (t * Math.Max(Math.Log(x), -100) + (1 - t) * Math.Max(Math.Log(1 - x), -100));
            }, targetHasGrad: false);
    }

    /// <summary>Sigmoid and binary cross-entropy in one numerically stable step, as <c>F.binary_cross_entropy_with_logits</c>.</summary>
    /// <remarks>ℓ = w·[(1 − y)·x + (1 + (p − 1)·y)·(log(1 + e^−|x|) + max(−x, 0))], p the positive weight; finite for any
    /// logit. No gradient flows to the target.</remarks>
    /// <param name="input">Logits.</param>
    /// <param name="target">Same shape, values in [0, 1].</param>
    /// <param name="weight">Rescales each element; broadcast to the input's shape. Null for 1.</param>
    /// <param name="reduction">None, Mean (over all elements) or Sum.</param>
    /// <param name="posWeight">Weight of positive examples, broadcast along the last (class) dimension. Null for 1.</param>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor? weight = null,
        Reduction reduction = Reduction.Mean, Tensor? posWeight = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var w = weight is null ? null : TensorData.Broadcast(weight, input.Shape, "binary_cross_entropy_with_logits weight");
        var pw = posWeight is null ? null : TensorData.Broadcast(posWeight, input.Shape, "binary_cross_entropy_with_logits pos_weight");
        return PointwiseLossFunction.Apply("binary_cross_entropy_with_logits", "BinaryCrossEntropyWithLogitsBackward0", input, target,
            reduction, (double x, double t, int i, out double dx, out double dt) =>
            {
                double wi = w?[i] ?? 1, logWeight = 1 + ((pw?[i] ?? 1) - 1) * t;
                double softplusNeg = Log1P(Math.Exp(-Math.Abs(x))) + Math.Max(-x, 0);   // log(1 + e^−x), stable
                double sigmoidNeg = 1 / (1 + Math.Exp(x));                                      // σ(−x)
                dt = 0;
                dx = wi * ((1 - t) - logWeight * sigmoidNeg);
                return wi * ((1 - t) * x + logWeight * softplusNeg);
            }, targetHasGrad: false);
    }

    // log(1 + u) accurate for tiny u (where 1 + u would round away u); the series error is below u⁴/4.
    private static double Log1P(double u) => u < 1e-4 ? u * (1 - u * (0.5 - u / 3)) : Math.Log(1 + u);
}
