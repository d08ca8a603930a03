// https://pytorch.org/docs/stable/generated/torch.optim.AdamW.html
namespace Kindling.Optim;

/// <summary>AdamW (Loshchilov &amp; Hutter, 2017): Adam with decoupled weight decay, as <c>torch.optim.AdamW</c>.</summary>
/// <remarks>
/// Before the Adam update the parameter is scaled by <c>1 − lr·weight_decay</c> (default weight_decay 1e-2)
/// instead of adding <c>wd·θ</c> to the gradient. State as <see cref="Adam"/>.
/// </remarks>
public sealed class AdamW : Optimizer
{
    /// <summary>AdamW over <paramref name="parameters"/>; arguments as PyTorch's (betas default (0.9, 0.999)).</summary>
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, (double Beta1, double Beta2)? betas = null,
        double eps = 1e-8, double weightDecay = 1e-2, bool amsgrad = false, bool maximize = false)
        : base(parameters, AdamUpdate.Defaults(lr, betas, eps, weightDecay, amsgrad, maximize))
    {
    }

    /// <summary>AdamW over parameter groups; the arguments are the defaults for options a group does not set.</summary>
    public AdamW(IEnumerable<ParamGroup> paramGroups, double lr = 1e-3, (double Beta1, double Beta2)? betas = null,
        double eps = 1e-8, double weightDecay = 1e-2, bool amsgrad = false, bool maximize = false)
        : base(paramGroups, AdamUpdate.Defaults(lr, betas, eps, weightDecay, amsgrad, maximize))
    {
    }

    private protected override IReadOnlyList<string> StateNames => AdamUpdate.StateNames;

    private protected override void Validate(ParamGroup group) => AdamUpdate.Validate(group);

    private protected override void Update(ParamGroup group, Tensor param, Tensor grad, Dictionary<string, Tensor> state) =>
        AdamUpdate.Update(group, param, grad, state, decoupled: true);
}
