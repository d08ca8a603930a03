// https://pytorch.org/docs/stable/generated/torch.optim.SGD.html
namespace Kindling.Optim;

/// <summary>Stochastic gradient descent with optional momentum, as <c>torch.optim.SGD</c>.</summary>
/// <remarks>
/// PyTorch's form of momentum (Sutskever et al., 2013): <c>b ← μ·b + (1−dampening)·g</c>, <c>θ ← θ − lr·b</c>
/// (or <c>θ − lr·(g + μ·b)</c> with nesterov); the first step sets <c>b = g</c>. State: <c>momentum_buffer</c>
/// when momentum is non-zero.
/// </remarks>
public sealed class SGD : Optimizer
{
    private static readonly string[] Names = ["momentum_buffer"];

    /// <summary>SGD over <paramref name="parameters"/>; <paramref name="lr"/> is required as in PyTorch 1.13.</summary>
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : base(parameters, MakeDefaults(lr, momentum, dampening, weightDecay, nesterov, maximize))
    {
    }

    /// <summary>SGD over parameter groups; the arguments are the defaults for options a group does not set.</summary>
    public SGD(IEnumerable<ParamGroup> paramGroups, double lr, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false, bool maximize = false)
        : base(paramGroups, MakeDefaults(lr, momentum, dampening, weightDecay, nesterov, maximize))
    {
    }

    private static Dictionary<string, object> MakeDefaults(double lr, double momentum, double dampening,
        double weightDecay, bool nesterov, bool maximize) => new()
        {
            ["lr"] = lr,
            ["momentum"] = momentum,
            ["dampening"] = dampening,
            ["weight_decay"] = weightDecay,
            ["nesterov"] = nesterov,
            ["maximize"] = maximize,
        };

    private protected override IReadOnlyList<string> StateNames => Names;

    private protected override void Validate(ParamGroup group)
    {
        double lr = group.GetDouble("lr"), momentum = group.GetDouble("momentum");
        double dampening = group.GetDouble("dampening"), wd = group.GetDouble("weight_decay");
        Require(lr >= 0, "lr", lr, "must be >= 0");
        Require(momentum >= 0, "momentum", momentum, "must be >= 0");
        Require(wd >= 0, "weight_decay", wd, "must be >= 0");
        _ = group.GetBool("maximize");
        if (group.GetBool("nesterov") && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening.", nameof(group));
    }

    private protected override void Update(ParamGroup group, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
    {
        double momentum = group.GetDouble("momentum"), wd = group.GetDouble("weight_decay");
        bool first = false;
        Span<float> buffer = default;
        if (momentum != 0)
        {
            if (!state.TryGetValue("momentum_buffer", out var buf))
            {
                state["momentum_buffer"] = buf = FullLike(param, 0f);
                first = true;
            }
            buffer = buf.AsSpan();
        }
        var s = new SGDScalars(
            Maximize: group.GetBool("maximize"),
            L2: wd != 0,
            WeightDecay: (float)wd,
            UseMomentum: momentum != 0,
            FirstStep: first,
            Momentum: (float)momentum,
            OneMinusDampening: (float)(1 - group.GetDouble("dampening")),
            Nesterov: group.GetBool("nesterov"),
            NegLr: (float)-group.GetDouble("lr"));
        SGDKernel.Step(param.AsSpan(), grad.AsSpan(), buffer, s);
    }
}
