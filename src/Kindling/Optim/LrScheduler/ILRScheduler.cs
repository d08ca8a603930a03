// https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate
namespace Kindling.Optim.LrScheduler;

/// <summary>What every learning-rate scheduler offers a training loop: the last learning rates and a state to
/// checkpoint. <see cref="LRScheduler"/> subclasses step once per epoch; <see cref="ReduceLROnPlateau"/> steps
/// with a metric.</summary>
public interface ILRScheduler
{
    /// <summary>The optimizer whose groups' <c>"lr"</c> the scheduler sets.</summary>
    Optimizer Optimizer { get; }

    /// <summary>The learning rate of each parameter group after the last step (<c>get_last_lr()</c>).</summary>
    IReadOnlyList<double> GetLastLr();

    /// <summary>The scheduler's mutable state as name → tensor (the same map type as the optimizer's).</summary>
    IReadOnlyDictionary<string, Tensor> StateDict();

    /// <summary>Restores a state from <see cref="StateDict"/>.</summary>
    void LoadStateDict(IReadOnlyDictionary<string, Tensor> stateDict);
}
