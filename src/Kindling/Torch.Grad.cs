// https://pytorch.org/docs/stable/generated/torch.no_grad.html
using Kindling.Autograd;

namespace Kindling;

public static partial class Torch
{
    /// <summary>Whether ops record autograd history on this thread, as <c>torch.is_grad_enabled()</c>.</summary>
    public static bool IsGradEnabled => GradMode.IsEnabled;

    /// <summary>Turns off gradient recording on this thread until the scope is disposed:
    /// <c>using (Torch.NoGrad()) { ... }</c>, as <c>torch.no_grad()</c>. Scopes nest.</summary>
    public static GradModeScope NoGrad() => new(false);

    /// <summary>Turns gradient recording on inside a <see cref="NoGrad"/> scope, as <c>torch.enable_grad()</c>.</summary>
    public static GradModeScope EnableGrad() => new(true);

    /// <summary>Sets gradient recording for this thread until the scope is disposed, as <c>torch.set_grad_enabled(mode)</c>.</summary>
    public static GradModeScope SetGradEnabled(bool enabled) => new(enabled);
}
