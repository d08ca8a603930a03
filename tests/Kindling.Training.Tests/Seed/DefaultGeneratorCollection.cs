namespace Kindling.Training.Tests.Seed;

/// <summary>Tests that seed and draw from <c>Torch.DefaultGenerator</c>. The generator is process-wide, so these run
/// alone: xUnit runs a collection with parallelization disabled after every parallel one has finished.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DefaultGeneratorCollection
{
    /// <summary>The collection's name, shared with the core tests' collection of the same purpose.</summary>
    public const string Name = "Torch.DefaultGenerator";
}
