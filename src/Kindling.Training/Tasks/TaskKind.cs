namespace Kindling.Training.Tasks;

/// <summary>What a run learns: a class per row, or a number per row.</summary>
public enum TaskKind
{
    /// <summary>One logit per class, <c>nn.CrossEntropyLoss</c>.</summary>
    Classification,
    /// <summary>One output unit, <c>nn.MSELoss</c> (or Huber, L1) on the target.</summary>
    Regression,
}
