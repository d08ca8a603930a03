// https://pytorch.org/docs/stable/generated/torch.optim.Adam.html and .../torch.optim.AdamW.html
namespace Kindling.Optim;

/// <summary>What Adam and AdamW share: option checks, per-parameter state and the step's scalar factors.</summary>
internal static class AdamUpdate
{
    internal static readonly string[] StateNames = ["step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"];

    internal static Dictionary<string, object> Defaults(double lr, (double, double)? betas, double eps,
        double weightDecay, bool amsgrad, bool maximize) => new()
        {
            ["lr"] = lr,
            ["betas"] = betas ?? (0.9, 0.999),
            ["eps"] = eps,
            ["weight_decay"] = weightDecay,
            ["amsgrad"] = amsgrad,
            ["maximize"] = maximize,
        };

    internal static void Validate(ParamGroup group)
    {
        double lr = group.GetDouble("lr"), eps = group.GetDouble("eps"), wd = group.GetDouble("weight_decay");
        var (beta1, beta2) = group.GetPair("betas");
        Optimizer.Require(lr >= 0, "lr", lr, "must be >= 0");
        Optimizer.Require(eps >= 0, "eps", eps, "must be >= 0");
        Optimizer.Require(beta1 is >= 0 and < 1, "betas", beta1, "beta1 must be in [0, 1)");
        Optimizer.Require(beta2 is >= 0 and < 1, "betas", beta2, "beta2 must be in [0, 1)");
        Optimizer.Require(wd >= 0, "weight_decay", wd, "must be >= 0");
        _ = group.GetBool("amsgrad");
        _ = group.GetBool("maximize");
    }

    /// <summary>One step for <paramref name="param"/>; <paramref name="decoupled"/> selects AdamW's weight decay
    /// (scale the parameter by 1 − lr·wd) over Adam's (add wd·param to the gradient).</summary>
    internal static void Update(ParamGroup group, Tensor param, Tensor grad, Dictionary<string, Tensor> state, bool decoupled)
    {
        bool amsgrad = group.GetBool("amsgrad");
        if (!state.TryGetValue("step", out var stepT))
        {
            state["step"] = stepT = Tensor.FromArray(new float[1]);
            state["exp_avg"] = Optimizer.FullLike(param, 0f);
            state["exp_avg_sq"] = Optimizer.FullLike(param, 0f);
            if (amsgrad) state["max_exp_avg_sq"] = Optimizer.FullLike(param, 0f);
        }
        // PyTorch keeps the step count in a float32 tensor (step_t += 1) and reads it back as a Python float.
        var stepSpan = stepT.AsSpan();
        stepSpan[0] += 1f;
        double step = stepSpan[0];

        double lr = group.GetDouble("lr"), wd = group.GetDouble("weight_decay");
        var (beta1, beta2) = group.GetPair("betas");
        double biasCorrection1 = 1 - Math.Pow(beta1, step);
        double biasCorrection2 = 1 - Math.Pow(beta2, step);
        double stepSize = lr / biasCorrection1;
        var s = new AdamScalars(
            Maximize: group.GetBool("maximize"),
            L2: !decoupled && wd != 0,
            WeightDecay: (float)wd,
            ParamScale: decoupled ? (float)(1 - lr * wd) : 1f,
            Beta1: (float)beta1,
            OneMinusBeta1: (float)(1 - beta1),
            Beta2: (float)beta2,
            OneMinusBeta2: (float)(1 - beta2),
            BiasCorrection2Sqrt: (float)Math.Sqrt(biasCorrection2),
            Eps: (float)group.GetDouble("eps"),
            NegStepSize: (float)-stepSize,
            Amsgrad: amsgrad);
        Span<float> maxSq = default;
        if (amsgrad)
        {
            if (!state.TryGetValue("max_exp_avg_sq", out var max))
                state["max_exp_avg_sq"] = max = Optimizer.FullLike(param, 0f);   // amsgrad switched on after a load
            maxSq = max.AsSpan();
        }
        AdamKernel.Step(param.AsSpan(), grad.AsSpan(), state["exp_avg"].AsSpan(), state["exp_avg_sq"].AsSpan(), maxSq, s);
    }
}
