// https://pytorch.org/docs/stable/generated/torch.no_grad.html
namespace Kindling.Autograd;

/// <summary>Whether ops record autograd history on this thread (thread-local, as PyTorch's grad mode).</summary>
internal static class GradMode
{
    [ThreadStatic]
    private static bool t_disabled;

    public static bool IsEnabled
    {
        get => !t_disabled;
        set => t_disabled = !value;
    }
}

/// <summary>Restores the previous grad mode when disposed; returned by <see cref="Torch.NoGrad"/>.</summary>
/// <remarks>A struct, so <c>using (Torch.NoGrad())</c> allocates nothing. Scopes nest.</remarks>
public readonly struct GradModeScope : IDisposable
{
    private readonly bool _previous;

    internal GradModeScope(bool enabled)
    {
        _previous = GradMode.IsEnabled;
        GradMode.IsEnabled = enabled;
    }

    /// <summary>Restores the grad mode that was active when the scope began.</summary>
    public void Dispose() => GradMode.IsEnabled = _previous;
}
