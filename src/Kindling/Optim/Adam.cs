// https://pytorch.org/docs/stable/generated/torch.optim.Adam.html
namespace Kindling.Optim;

/// <summary>Adam (Kingma &amp; Ba, 2014) with PyTorch's options, as <c>torch.optim.Adam</c>.</summary>
/// <remarks>
/// L2 weight decay is added to the gradient (<c>g + wd·θ</c>); bias corrections are PyTorch's:
/// <c>θ ← θ − lr/(1−β1^t) · m / (√v / √(1−β2^t) + eps)</c>. With <c>amsgrad</c> the running maximum of
/// <c>v</c> replaces <c>v</c>. Per-parameter state: <c>step</c> (float32 scalar), <c>exp_avg</c>, <c>exp_avg_sq</c>,
/// and <c>max_exp_avg_sq</c> with amsgrad.
/// </remarks>
public sealed class Adam : Optimizer
{
    /// <summary>Adam over <paramref name="parameters"/>; arguments as PyTorch's (betas default (0.9, 0.999)).</summary>
    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, (double Beta1, double Beta2)? betas = null,
        double eps = 1e-8, double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : base(parameters, AdamUpdate.Defaults(lr, betas, eps, weightDecay, amsgrad, maximize))
    {
    }

    /// <summary>Adam over parameter groups; the arguments are the defaults for options a group does not set.</summary>
    public Adam(IEnumerable<ParamGroup> paramGroups, double lr = 1e-3, (double Beta1, double Beta2)? betas = null,
        double eps = 1e-8, double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : base(paramGroups, AdamUpdate.Defaults(lr, betas, eps, weightDecay, amsgrad, maximize))
    {
    }

    private protected override IReadOnlyList<string> StateNames => AdamUpdate.StateNames;

    private protected override void Validate(ParamGroup group) => AdamUpdate.Validate(group);

    private protected override void Update(ParamGroup group, Tensor param, Tensor grad, Dictionary<string, Tensor> state) =>
        AdamUpdate.Update(group, param, grad, state, decoupled: false);
}
