namespace Kindling.Tests.Random;

/// <summary>Tests that seed or draw from <see cref="Torch.DefaultGenerator"/> (process-wide state) join this
/// collection, which xunit runs alone so no parallel test moves the stream underneath them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DefaultGeneratorCollection
{
    public const string Name = "Torch.DefaultGenerator";
}
