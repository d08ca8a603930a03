using Kindling.Nn;

namespace Kindling.Training.Tasks;

/// <summary>The losses a regression run can train with, by their <c>--loss</c> names, with PyTorch's defaults
/// (reduction "mean"; HuberLoss delta 1.0).</summary>
public static class RegressionLosses
{
    /// <summary>The names <c>--loss</c> accepts; the first is the default.</summary>
    public static IReadOnlyList<string> Names { get; } = ["mse", "huber", "l1"];

    /// <summary><c>nn.MSELoss()</c>, <c>nn.HuberLoss()</c> or <c>nn.L1Loss()</c>.</summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static Loss Create(string name) => name switch
    {
        "mse" => new MSELoss(),
        "huber" => new HuberLoss(),
        "l1" => new L1Loss(),
        _ => throw new ArgumentException($"unknown regression loss '{name}'; use one of {string.Join(", ", Names)}"),
    };
}
