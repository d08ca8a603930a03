// https://pytorch.org/docs/1.13/generated/torch.nn.Flatten.html
namespace Kindling.Nn;

/// <summary>Flattens dimensions <paramref name="startDim"/>..<paramref name="endDim"/> into one, as <c>torch.nn.Flatten</c>
/// (by default everything but the batch dimension).</summary>
/// <param name="startDim">First dimension to flatten (default 1).</param>
/// <param name="endDim">Last dimension to flatten (default −1).</param>
public sealed class Flatten(int startDim = 1, int endDim = -1) : Module
{
    /// <summary>First dimension flattened.</summary>
    public int StartDim { get; } = startDim;

    /// <summary>Last dimension flattened.</summary>
    public int EndDim { get; } = endDim;

    /// <inheritdoc/>
    protected override Tensor Forward(Tensor input) => input.Flatten(StartDim, EndDim);

    /// <inheritdoc/>
    protected override string ExtraRepr() => $"start_dim={StartDim}, end_dim={EndDim}";
}
