// https://pytorch.org/docs/stable/generated/torch.optim.RMSprop.html
namespace Kindling.Optim;

/// <summary>RMSprop (Hinton's lecture 6e), as <c>torch.optim.RMSprop</c>.</summary>
/// <remarks>
/// <c>v ← α·v + (1−α)·g²</c>; the step divides by <c>√v + eps</c> (added after the square root, as PyTorch),
/// or by <c>√(v − ḡ²) + eps</c> when centered. State: <c>step</c> (int64 scalar), <c>square_avg</c>,
/// <c>momentum_buffer</c> (momentum &gt; 0) and <c>grad_avg</c> (centered).
/// </remarks>
public sealed class RMSprop : Optimizer
{
    private static readonly string[] Names = ["step", "square_avg", "momentum_buffer", "grad_avg"];

    /// <summary>RMSprop over <paramref name="parameters"/>; arguments and defaults as PyTorch's.</summary>
    public RMSprop(IEnumerable<Tensor> parameters, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
        double weightDecay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : base(parameters, MakeDefaults(lr, alpha, eps, weightDecay, momentum, centered, maximize))
    {
    }

    /// <summary>RMSprop over parameter groups; the arguments are the defaults for options a group does not set.</summary>
    public RMSprop(IEnumerable<ParamGroup> paramGroups, double lr = 1e-2, double alpha = 0.99, double eps = 1e-8,
        double weightDecay = 0, double momentum = 0, bool centered = false, bool maximize = false)
        : base(paramGroups, MakeDefaults(lr, alpha, eps, weightDecay, momentum, centered, maximize))
    {
    }

    private static Dictionary<string, object> MakeDefaults(double lr, double alpha, double eps, double weightDecay,
        double momentum, bool centered, bool maximize) => new()
        {
            ["lr"] = lr,
            ["momentum"] = momentum,
            ["alpha"] = alpha,
            ["eps"] = eps,
            ["centered"] = centered,
            ["weight_decay"] = weightDecay,
            ["maximize"] = maximize,
        };

    private protected override IReadOnlyList<string> StateNames => Names;

    private protected override void Validate(ParamGroup group)
    {
        double lr = group.GetDouble("lr"), eps = group.GetDouble("eps"), momentum = group.GetDouble("momentum");
        double wd = group.GetDouble("weight_decay"), alpha = group.GetDouble("alpha");
        Require(lr >= 0, "lr", lr, "must be >= 0");
        Require(eps >= 0, "eps", eps, "must be >= 0");
        Require(momentum >= 0, "momentum", momentum, "must be >= 0");
        Require(wd >= 0, "weight_decay", wd, "must be >= 0");
        Require(alpha >= 0, "alpha", alpha, "must be >= 0");
        _ = group.GetBool("centered");
        _ = group.GetBool("maximize");
    }

    private protected override void Update(ParamGroup group, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
    {
        double momentum = group.GetDouble("momentum"), wd = group.GetDouble("weight_decay"), alpha = group.GetDouble("alpha");
        bool centered = group.GetBool("centered");
        if (!state.TryGetValue("step", out var stepT))
        {
            state["step"] = stepT = Tensor.FromArray(new long[1]);
            state["square_avg"] = FullLike(param, 0f);
        }
        stepT.Span<long>()[0]++;
        var s = new RMSpropScalars(
            Maximize: group.GetBool("maximize"),
            L2: wd != 0,
            WeightDecay: (float)wd,
            Alpha: (float)alpha,
            OneMinusAlpha: (float)(1 - alpha),
            Centered: centered,
            Eps: (float)group.GetDouble("eps"),
            UseMomentum: momentum > 0,
            Momentum: (float)momentum,
            NegLr: (float)-group.GetDouble("lr"));
        var buffer = momentum > 0 ? Buffer(state, "momentum_buffer", param) : default;
        var gradAvg = centered ? Buffer(state, "grad_avg", param) : default;
        RMSpropKernel.Step(param.AsSpan(), grad.AsSpan(), state["square_avg"].AsSpan(), gradAvg, buffer, s);
    }

    private static Span<float> Buffer(Dictionary<string, Tensor> state, string name, Tensor param)
    {
        if (!state.TryGetValue(name, out var t)) state[name] = t = FullLike(param, 0f);
        return t.AsSpan();
    }
}
