// https://pytorch.org/docs/1.13/generated/torch.nn.CrossEntropyLoss.html
// https://pytorch.org/docs/1.13/generated/torch.nn.NLLLoss.html
using Kindling.Autograd;

namespace Kindling.Nn;

/// <summary>Cross-entropy and negative log-likelihood over class scores (N, C), fused: one pass per row computes the
/// max-subtracted log-softmax, the loss and the gradient, so backward only scales the saved gradient.</summary>
internal static partial class ClassLossFunction
{
    /// <summary>Class-index targets (N) in [0, C) or <paramref name="ignoreIndex"/>; <paramref name="logSoftmax"/> true:
    /// cross-entropy over logits, false: NLL over log-probabilities.</summary>
    public static Tensor ClassIndices(string what, Tensor input, Tensor target, Tensor? weight, long ignoreIndex,
        Reduction reduction, double labelSmoothing, bool logSoftmax)
    {
        var (n, c) = Rows(what, input);
        var expected = input.Dim == 2 ? new[] { n } : [];
        if (!target.Shape.AsSpan().SequenceEqual(expected))
            throw new ArgumentException(
                $"{what}: input shape {TensorData.Format(input.Shape)} and target shape {TensorData.Format(target.Shape)} do not match: " +
                $"class-index targets need shape {TensorData.Format(expected)}.", nameof(target));
        var x = Floating(what, input);
        if (weight is null && labelSmoothing == 0 && logSoftmax && x.DType == DType.Float32 && target.DType == DType.Int64)
            return UnweightedCrossEntropy(what, input, x, target.Contiguous().Span<long>(), ignoreIndex, reduction, n, c);
        var t = TensorData.ReadLongs(target, $"{what} target");
        var w = ClassWeights(what, weight, c);
        double wSum = 0;
        foreach (var v in w) wSum += v;
        bool needGrad = Function.NeedsGrad([input]);
        var grad = needGrad ? new double[n * c] : null;
        var losses = new double[n];
        var logp = new double[c];
        var prob = new double[c];
        var row = new double[c];
        double denominator = 0, smooth = labelSmoothing / c;
        for (int i = 0; i < n; i++)
        {
            long label = t[i];
            if (label == ignoreIndex) continue;     // contributes 0 and no weight
            if (label < 0 || label >= c) throw LabelOutOfRange(what, label, i, c, ignoreIndex);
            TensorData.ReadInto(x, i * c, row);
            LogProbabilities(row, logp, logSoftmax, prob);
            double wt = w[label];
            double loss = -wt * logp[label] * (1 - labelSmoothing);
            if (labelSmoothing > 0)
            {
                double s = 0;
                for (int k = 0; k < c; k++) s -= w[k] * logp[k];
                loss += smooth * s;
            }
            losses[i] = loss;
            denominator += wt;
            if (grad is null) continue;
            var gr = grad.AsSpan(i * c, c);
            if (logSoftmax)
            {
                // d/dx_k: (1−ε)·w_t·(p_k − [k = t]) + ε/C·(p_k·Σw − w_k)
                for (int k = 0; k < c; k++)
                {
                    double p = prob[k];
                    gr[k] = (1 - labelSmoothing) * wt * p + smooth * (p * wSum - w[k]);
                }
                gr[(int)label] -= (1 - labelSmoothing) * wt;
            }
            else
            {
                gr[(int)label] = -wt;
            }
        }
        return Reduce("NllLossBackward0", input, losses, losses.Sum(), grad, n, c, denominator, reduction);
    }

    /// <summary>Class-probability targets with the input's shape (cross-entropy only).</summary>
    public static Tensor Probabilities(string what, Tensor input, Tensor target, Tensor? weight, Reduction reduction,
        double labelSmoothing)
    {
        var (n, c) = Rows(what, input);
        var x = Floating(what, input);
        var t = TensorData.ReadDoubles(target, $"{what} target");
        var w = ClassWeights(what, weight, c);
        bool needGrad = Function.NeedsGrad([input]);
        var grad = needGrad ? new double[n * c] : null;
        var losses = new double[n];
        var logp = new double[c];
        var wt = new double[c];
        var row = new double[c];
        for (int i = 0; i < n; i++)
        {
            TensorData.ReadInto(x, i * c, row);
            LogProbabilities(row, logp, true);
            double loss = 0, sumWt = 0;
            for (int k = 0; k < c; k++)
            {
                double smoothed = t[i * c + k] * (1 - labelSmoothing) + labelSmoothing / c;
                wt[k] = w[k] * smoothed;
                sumWt += wt[k];
                loss -= wt[k] * logp[k];
            }
            losses[i] = loss;
            if (grad is null) continue;
            // d/dx_k of −Σ w_j t_j log p_j = −w_k t_k + p_k Σ w_j t_j
            for (int k = 0; k < c; k++)
                grad[i * c + k] = Math.Exp(logp[k]) * sumWt - wt[k];
        }
        // The mean of probability-target cross-entropy divides by the batch size, not by the weights (PyTorch 1.13).
        return Reduce("DivBackward1", input, losses, losses.Sum(), grad, n, c, n, reduction);
    }

    // logp = x − (max + log Σ exp(x − max)): the max subtraction keeps exp finite for any logits.
    // With prob given, also p = exp(x − max) / Σ, reusing the exponentials (the gradient needs p; a second
    // exp per element was half of the seed's loss time).
    private static void LogProbabilities(ReadOnlySpan<double> row, double[] logp, bool logSoftmax, double[]? prob = null)
    {
        if (!logSoftmax)
        {
            row.CopyTo(logp);
            return;
        }
        double max = double.NegativeInfinity;
        foreach (var v in row) max = Math.Max(max, v);
        double sum = 0;
        for (int k = 0; k < row.Length; k++)
        {
            double e = Math.Exp(row[k] - max);
            if (prob is not null) prob[k] = e;
            sum += e;
        }
        double lse = max + Math.Log(sum);
        for (int k = 0; k < row.Length; k++) logp[k] = row[k] - lse;
        if (prob is null) return;
        double inverse = 1 / sum;   // one division per row, not per class
        for (int k = 0; k < row.Length; k++) prob[k] *= inverse;
    }

    // losses: per row (needed for Reduction.None only); total: their sum in row order.
    private static Tensor Reduce(string nodeName, Tensor input, double[]? losses, double total, double[]? grad, int n, int c,
        double denominator, Reduction reduction)
    {
        var shape = input.Shape;
        Tensor output = reduction switch
        {
            Reduction.None => TensorData.Create(losses!, input.Dim == 2 ? [n] : [], input.DType),
            Reduction.Sum => TensorData.Scalar(total, input.DType),
            _ => TensorData.Scalar(total / denominator, input.DType),
        };
        if (grad is null) return output;
        return Function.Apply(nodeName, output, [input], g =>
        {
            // dL/dx = saved per-row gradient × (g_i for None, g for Sum, g / denominator for Mean).
            var rowScales = reduction == Reduction.None ? TensorData.ReadDoubles(g, "gradient") : null;
            double common = rowScales is null ? g.Item() / (reduction == Reduction.Mean ? denominator : 1) : 0;
            return [TensorData.ScaleRows(grad, c, rowScales, common, shape, input.DType)];
        }, savesTensors: false);
    }

    private static ArgumentOutOfRangeException LabelOutOfRange(string what, long label, int i, int c, long ignoreIndex) =>
        new("target", label,
            $"{what}: target {label} (at position {i}) is out of bounds: class indices must be in [0, {c - 1}] for {c} classes " +
            $"(or equal ignore_index = {ignoreIndex}).");

    // The input as a contiguous floating-point tensor, read row by row.
    private static Tensor Floating(string what, Tensor input)
    {
        if (!input.DType.IsFloatingPoint())
            throw new ArgumentException($"{what}: input must be float32 or float64 scores, got {input.DType}.", nameof(input));
        return input.Contiguous();
    }

    private static (int N, int C) Rows(string what, Tensor input)
    {
        if (input.Dim == 2) return (input.Size(0), input.Size(1));
        if (input.Dim == 1) return (1, input.Size(0));
        throw new ArgumentException(
            $"{what}: input must be (N, C) class scores or (C) for one sample, got shape {TensorData.Format(input.Shape)}.", nameof(input));
    }

    private static double[] ClassWeights(string what, Tensor? weight, int c)
    {
        if (weight is null)
        {
            var ones = new double[c];
            Array.Fill(ones, 1.0);
            return ones;
        }
        if (weight.Dim != 1 || weight.Size(0) != c)
            throw new ArgumentException($"{what}: weight must have one entry per class ({c}), got shape {TensorData.Format(weight.Shape)}.", nameof(weight));
        return TensorData.ReadDoubles(weight, $"{what} weight");
    }
}
