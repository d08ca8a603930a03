// https://pytorch.org/docs/1.13/generated/torch.nn.CrossEntropyLoss.html
using System.Runtime.CompilerServices;
using Kindling.Autograd;

namespace Kindling.Nn;

internal static partial class ClassLossFunction
{
    /// <summary>Cross-entropy over float32 logits with class-index targets, no class weights and no label smoothing
    /// (the seed's and the Trainer's loss): the general loop with the weight 1 and smoothing 0 folded away.</summary>
    /// <remarks>Every value is computed by the same double operations in the same order as the general path, so
    /// losses and gradients are bit for bit the same (w·v·1 = v, p + 0·(…) = p); only the per-row copy, the unused
    /// log-probabilities and the target copy are gone.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Tensor UnweightedCrossEntropy(string what, Tensor input, Tensor x, ReadOnlySpan<long> t,
        long ignoreIndex, Reduction reduction, int n, int c)
    {
        var scores = x.Span<float>();
        bool needGrad = Function.NeedsGrad([input]);
        var grad = needGrad ? new double[n * c] : null;
        var losses = new double[n];
        Span<double> prob = c <= 64 ? stackalloc double[c] : new double[c];
        double denominator = 0;
        for (int i = 0; i < n; i++)
        {
            long label = t[i];
            if (label == ignoreIndex) continue;     // contributes 0 and no weight
            if (label < 0 || label >= c) throw LabelOutOfRange(what, label, i, c, ignoreIndex);
            var row = scores.Slice(i * c, c);
            // log p_t = x_t − (max + log Σ exp(x − max)), as LogProbabilities.
            double max = double.NegativeInfinity;
            foreach (var v in row) max = Math.Max(max, v);
            double sum = 0;
            for (int k = 0; k < c; k++)
            {
                double e = Math.Exp(row[k] - max);
                prob[k] = e;
                sum += e;
            }
            double lse = max + Math.Log(sum);
            losses[i] = -(row[(int)label] - lse);
            denominator += 1;
            if (grad is null) continue;
            // d/dx_k = p_k − [k = t]
            var gr = grad.AsSpan(i * c, c);
            for (int k = 0; k < c; k++) gr[k] = prob[k] / sum;
            gr[(int)label] -= 1;
        }
        return Reduce("NllLossBackward0", input, losses, grad, n, c, denominator, reduction);
    }
}
