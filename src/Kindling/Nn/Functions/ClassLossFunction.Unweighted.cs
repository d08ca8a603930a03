// https://pytorch.org/docs/1.13/generated/torch.nn.CrossEntropyLoss.html
using System.Runtime.CompilerServices;
using Kindling.Autograd;

namespace Kindling.Nn;

internal static partial class ClassLossFunction
{
    // e^(x − max) of every logit, then each row's max, Σ e and log Σ e: reused by every call on this thread, up to
    // 8 MB (a training batch); a bigger one (a whole large validation set) is left to the garbage collector.
    private const int MaxCachedScratch = 1 << 20;

    [ThreadStatic]
    private static double[]? t_exponentials;

    /// <summary>Cross-entropy over float32 logits with class-index targets, no class weights and no label smoothing
    /// (the seed's and the Trainer's loss): the general loop with the weight 1 and smoothing 0 folded away, and the
    /// exponentials of every row taken in one vectorised pass.</summary>
    /// <remarks>Each value is the same double expression, in the same order, as the general path (w·v·1 = v,
    /// p + 0·(…) = p), with e^x and ln x from <see cref="ExpKernel"/> and <see cref="LogKernel"/> instead of
    /// <see cref="Math"/>'s: they differ by at most one double ulp, far below float32's rounding, so losses and
    /// gradients match the general path's float32 results.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Tensor UnweightedCrossEntropy(string what, Tensor input, Tensor x, ReadOnlySpan<long> t,
        long ignoreIndex, Reduction reduction, int n, int c)
    {
        var scores = x.Span<float>();
        bool needGrad = Function.NeedsGrad(input);
        // The saved gradient as a tensor, so that a dispose scope recycles it with the step's other buffers.
        var grad = needGrad ? Tensor.Uninitialized([n * c], DType.Float64).Data<double>() : null;
        var losses = reduction == Reduction.None ? new double[n] : null;
        // Pass 1: row maxima and x − max; pass 2: e^(x − max) for all rows at once; pass 3: each row's Σ e, then
        // log Σ e for all rows at once.
        int scratch = (n * c) + (3 * n);
        var exps = t_exponentials is { } cached && cached.Length >= scratch ? cached : new double[scratch];
        if (scratch <= MaxCachedScratch && !ReferenceEquals(exps, t_exponentials)) t_exponentials = exps;
        var e = exps.AsSpan(0, n * c);
        var maxima = exps.AsSpan(n * c, n);
        var sums = exps.AsSpan((n * c) + n, n);
        var logSums = exps.AsSpan((n * c) + (2 * n), n);
        for (int i = 0; i < n; i++)
        {
            var row = scores.Slice(i * c, c);
            // The hardware max (one instruction; Math.Max's NaN rule costs a third of the loss): a NaN logit makes its
            // own e^(x − max) NaN, hence the row's sum, loss and gradient NaN, exactly as a NaN max would.
            float max = float.NegativeInfinity;
            foreach (var v in row) max = float.MaxNative(max, v);
            maxima[i] = max;
            for (int k = 0; k < c; k++) e[i * c + k] = (double)row[k] - max;
        }
        ExpKernel.ExpInPlace(e);
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            foreach (var v in e.Slice(i * c, c)) sum += v;
            sums[i] = sum;
        }
        sums.CopyTo(logSums);
        LogKernel.LogInPlace(logSums);
        // Pass 4: log p_t = x_t − (max + log Σ e), and d/dx_k = p_k − [k = t].
        double total = 0, denominator = 0;
        for (int i = 0; i < n; i++)
        {
            long label = t[i];
            if (label == ignoreIndex)
            {
                grad?.AsSpan(i * c, c).Clear();     // contributes 0 and no weight
                continue;
            }
            if (label < 0 || label >= c) throw LabelOutOfRange(what, label, i, c, ignoreIndex);
            double loss = -(scores[i * c + (int)label] - (maxima[i] + logSums[i]));
            total += loss;
            if (losses is not null) losses[i] = loss;
            denominator += 1;
            if (grad is null) continue;
            var row = e.Slice(i * c, c);
            var gr = grad.AsSpan(i * c, c);
            double inverse = 1 / sums[i];
            for (int k = 0; k < c; k++) gr[k] = row[k] * inverse;
            gr[(int)label] -= 1;
        }
        return Reduce("NllLossBackward0", input, losses, total, grad, n, c, denominator, reduction);
    }
}
