// https://pytorch.org/docs/stable/generated/torch.optim.Adagrad.html
using System.Numerics;

namespace Kindling.Optim;

/// <summary>Adagrad (Duchi et al., 2011), as <c>torch.optim.Adagrad</c>.</summary>
/// <remarks>
/// <c>clr = lr / (1 + (t−1)·lr_decay)</c>, <c>s ← s + g²</c>, <c>θ ← θ − clr·g / (√s + eps)</c>; the sum starts at
/// <c>initial_accumulator_value</c>. State: <c>step</c> (float32 scalar) and <c>sum</c>.
/// </remarks>
public sealed class Adagrad : Optimizer
{
    private static readonly string[] Names = ["step", "sum"];

    /// <summary>Adagrad over <paramref name="parameters"/>; arguments and defaults as PyTorch's.</summary>
    public Adagrad(IEnumerable<Tensor> parameters, double lr = 1e-2, double lrDecay = 0, double weightDecay = 0,
        double initialAccumulatorValue = 0, double eps = 1e-10, bool maximize = false)
        : base(parameters, MakeDefaults(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize))
    {
        InitState();
    }

    /// <summary>Adagrad over parameter groups; the arguments are the defaults for options a group does not set.</summary>
    public Adagrad(IEnumerable<ParamGroup> paramGroups, double lr = 1e-2, double lrDecay = 0, double weightDecay = 0,
        double initialAccumulatorValue = 0, double eps = 1e-10, bool maximize = false)
        : base(paramGroups, MakeDefaults(lr, lrDecay, weightDecay, initialAccumulatorValue, eps, maximize))
    {
        InitState();
    }

    private static Dictionary<string, object> MakeDefaults(double lr, double lrDecay, double weightDecay,
        double initialAccumulatorValue, double eps, bool maximize) => new()
        {
            ["lr"] = lr,
            ["lr_decay"] = lrDecay,
            ["eps"] = eps,
            ["weight_decay"] = weightDecay,
            ["initial_accumulator_value"] = initialAccumulatorValue,
            ["maximize"] = maximize,
        };

    private protected override IReadOnlyList<string> StateNames => Names;

    private protected override void Validate(ParamGroup group)
    {
        foreach (var name in new[] { "lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps" })
        {
            double v = group.GetDouble(name);
            Require(v >= 0, name, v, "must be >= 0");
        }
        _ = group.GetBool("maximize");
    }

    /// <summary>Unlike the lazy optimizers, PyTorch's Adagrad creates every parameter's <c>step</c> and <c>sum</c> in its
    /// constructor, so a state dict taken before the first step already holds them.</summary>
    private void InitState()
    {
        foreach (var group in ParamGroups)
        {
            float initial = (float)group.GetDouble("initial_accumulator_value");
            foreach (var p in group.Params)
            {
                var state = StateOf(p);
                state["step"] = Tensor.FromArray(new float[1]);
                state["sum"] = FullLike(p, initial);
            }
        }
    }

    private protected override void Update(ParamGroup group, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
    {
        if (!state.TryGetValue("step", out var stepT))
        {
            state["step"] = stepT = Tensor.FromArray(new float[1]);
            state["sum"] = FullLike(param, (float)group.GetDouble("initial_accumulator_value"));
        }
        var stepSpan = stepT.AsSpan();
        stepSpan[0] += 1f;   // a float32 tensor in PyTorch, read back with .item()
        double step = stepSpan[0];
        double wd = group.GetDouble("weight_decay");
        double clr = group.GetDouble("lr") / (1 + (step - 1) * group.GetDouble("lr_decay"));
        Kernel(param.AsSpan(), grad.AsSpan(), state["sum"].AsSpan(), group.GetBool("maximize"), wd != 0, (float)wd,
            (float)group.GetDouble("eps"), (float)-clr);
    }

    /// <summary>Per element, in PyTorch's order: g = fma(param, wd, ±grad); sum = fma(g, g, sum);
    /// param = param + (−clr·g) / (√sum + eps).</summary>
    private static void Kernel(Span<float> param, ReadOnlySpan<float> grad, Span<float> sum, bool maximize, bool l2,
        float weightDecay, float eps, float negClr)
    {
        int n = param.Length, i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<float>.Count;
            var wd = new Vector<float>(weightDecay);
            var ve = new Vector<float>(eps);
            var vc = new Vector<float>(negClr);
            for (; i <= n - w; i += w)
            {
                var p = new Vector<float>(param[i..]);
                var g = new Vector<float>(grad[i..]);
                if (maximize) g = -g;
                if (l2) g = Vector.FusedMultiplyAdd(p, wd, g);
                var s = Vector.FusedMultiplyAdd(g, g, new Vector<float>(sum[i..]));
                s.CopyTo(sum[i..]);
                (p + vc * g / (Vector.SquareRoot(s) + ve)).CopyTo(param[i..]);
            }
        }
        for (; i < n; i++)
        {
            float p = param[i], g = grad[i];
            if (maximize) g = -g;
            if (l2) g = MathF.FusedMultiplyAdd(p, weightDecay, g);
            float s = MathF.FusedMultiplyAdd(g, g, sum[i]);
            sum[i] = s;
            param[i] = p + negClr * g / (MathF.Sqrt(s) + eps);
        }
    }
}
