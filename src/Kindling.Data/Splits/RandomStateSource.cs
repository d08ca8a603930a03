using Kindling.Random;

namespace Kindling.Data;

/// <summary>
/// scikit-learn's <c>random_state</c> argument: an integer seed (a fresh NumPy <see cref="RandomState"/>
/// on every use, so repeated <c>Split</c> calls repeat) or a <see cref="RandomState"/> instance (used and
/// advanced, so repeated calls continue its stream). A null argument means NumPy's global instance,
/// <see cref="RandomState.Global"/>.
/// </summary>
public readonly record struct RandomStateSource
{
    readonly uint? _seed;
    readonly RandomState? _state;

    RandomStateSource(uint? seed, RandomState? state) => (_seed, _state) = (seed, state);

    /// <summary>An integer seed in [0, 2^32), as NumPy requires.</summary>
    public static implicit operator RandomStateSource(long seed)
    {
        if (seed is < 0 or > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(seed), $"random_state={seed}: a seed must be between 0 and 2**32 - 1.");
        return new((uint)seed, null);
    }

    /// <summary>A shared generator that each use advances.</summary>
    public static implicit operator RandomStateSource(RandomState state) =>
        new(null, state ?? throw new ArgumentNullException(nameof(state)));

    /// <summary>sklearn's <c>check_random_state</c>: a new generator for a seed, the instance itself otherwise.</summary>
    internal static RandomState Resolve(RandomStateSource? source) =>
        source is { } s ? (s._state ?? new RandomState(s._seed!.Value)) : RandomState.Global;

    /// <inheritdoc/>
    public override string ToString() => _state is null ? $"{_seed}" : "RandomState";
}
