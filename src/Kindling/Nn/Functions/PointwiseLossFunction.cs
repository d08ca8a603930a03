// https://pytorch.org/docs/1.13/nn.html#loss-functions
using Kindling.Autograd;

namespace Kindling.Nn;

/// <summary>One element's loss and its partial derivatives with respect to input (<paramref name="dx"/>) and target
/// (<paramref name="dt"/>); <paramref name="index"/> is the flat position (for broadcast weights).</summary>
internal delegate double ElementLoss(double x, double t, int index, out double dx, out double dt);

/// <summary>Losses defined element by element on an input and a same-shaped target (MSE, L1, Huber, BCE, BCE with
/// logits): the loss and its derivatives come out of one pass; backward scales them by the incoming gradient.</summary>
internal static class PointwiseLossFunction
{
    public static Tensor Apply(string what, string nodeName, Tensor input, Tensor target, Reduction reduction,
        ElementLoss loss, bool targetHasGrad)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        if (!TensorData.SameShape(input, target))
            throw new ArgumentException(
                $"{what}: input shape {TensorData.Format(input.Shape)} and target shape {TensorData.Format(target.Shape)} differ; " +
                "they must be the same.", nameof(target));
        var x = TensorData.ReadDoubles(input, $"{what} input");
        var t = TensorData.ReadDoubles(target, $"{what} target");
        int n = x.Length;
        var values = new double[n];
        var dx = new double[n];
        var dt = targetHasGrad ? new double[n] : null;
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            values[i] = loss(x[i], t[i], i, out dx[i], out double dti);
            if (dt is not null) dt[i] = dti;
            total += values[i];
        }
        var shape = input.Shape;
        Tensor output = reduction switch
        {
            Reduction.None => TensorData.Create(values, shape, input.DType),
            Reduction.Sum => TensorData.Scalar(total, input.DType),
            _ => TensorData.Scalar(total / n, input.DType),
        };
        Tensor? targetInput = targetHasGrad ? target : null;
        return Function.Apply(nodeName, output, [input, targetInput], g =>
        {
            var dOut = TensorData.ReadDoubles(g, "gradient");
            return
            [
                input.RequiresGrad ? Scale(dx, dOut, reduction, n, shape, input.DType) : null,
                dt is not null && target.RequiresGrad ? Scale(dt, dOut, reduction, n, shape, target.DType) : null,
            ];
        }, savesTensors: false);
    }

    private static Tensor Scale(double[] partial, double[] dOut, Reduction reduction, int n, int[] shape, DType dtype)
    {
        var result = new double[n];
        double common = reduction == Reduction.Mean ? dOut[0] / n : dOut[0];
        for (int i = 0; i < n; i++)
            result[i] = partial[i] * (reduction == Reduction.None ? dOut[i] : common);
        return TensorData.Create(result, shape, dtype);
    }
}
